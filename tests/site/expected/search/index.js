skillsiteSearch.put("index",{"count":10,"docs":[0],"jobtypes":["職種 & 'A'"],"skills":[["共通スキル",0],["固有スキル",0]],"specialties":[["専門Ａ",0],["専門Ｂ",0]],"terms":1,"version":1});
