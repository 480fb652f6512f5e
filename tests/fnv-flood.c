/* fnv-flood.c: prints N lower-case words of 8 letters whose 64-bit
 * FNV-1a hash h has (h ^ h >> 32) & 0xFFFFF below 512, so an unkeyed
 * FNV-1a table with linear probing puts them all in one run of slots.
 * tests/growth.sh builds a site of them: the search index must stay
 * linear however its tokens hash.  Usage: fnv-flood N */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char *argv[])
{
	long want = argc > 1 ? atol(argv[1]) : 0;
	uint64_t h[9];
	char w[9] = "aaaaaaaa";
	int i;

	h[0] = 14695981039346656037u;
	for (i = 0; i < 8; i++)
		h[i + 1] = (h[i] ^ (unsigned char)w[i]) * 1099511628211u;
	while (want > 0) {
		uint64_t v = h[8];

		if (((v ^ v >> 32) & 0xFFFFF) < 512) {
			puts(w);
			want--;
		}
		for (i = 7; i >= 0 && w[i] == 'z'; i--)
			w[i] = 'a';
		if (i < 0)
			return 1;	/* every word tried */
		w[i]++;
		for (; i < 8; i++)
			h[i + 1] = (h[i] ^ (unsigned char)w[i]) * 1099511628211u;
	}
	return 0;
}
