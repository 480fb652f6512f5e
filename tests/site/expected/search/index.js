skillsiteSearch.put("index",{"version":1,"jobtypes":["職種 & 'A'"],"specialties":[["専門Ａ",0],["専門Ｂ",0]],"skills":[["共通スキル",0],["固有スキル",0]],"terms":1,"docs":[0],"count":10});
