skillsiteSearch.put("index",{"version":1,"terms":1,"docs":[0],"count":10});
