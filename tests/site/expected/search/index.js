skillsiteSearch.put("index",{"version":1,"terms":1,"docs":[0],"count":10,"words":{"levels":{"3":"レベル３","4":"レベル４","5":"レベル５","6":"レベル６"},"digits":"０１２３４５６７８９"}});
