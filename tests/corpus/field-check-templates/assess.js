/* the sheet's script: empty here */
