/* the search script: empty here */
