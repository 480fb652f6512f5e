# lib.sh: what the shell suites share.  Set suite (the name failures
# carry) and work (a scratch folder, emptied here), then source this.
rm -rf "$work"
mkdir -p "$work"
pass=0
fail=0

# Records the result of one check: ok NAME STATUS
ok() {
	if [ "$2" = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $suite/$1"
	fi
}
