/* the search: empty here */
