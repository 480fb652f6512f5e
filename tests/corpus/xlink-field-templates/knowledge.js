/* the index filter: empty here */
