// schema=FILE validates each line against that JSON Schema: the line without 'service' fails.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'logs/app.log').canonicalPath
def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} / }
assert findings.size() == 1 : findings.join('\n')
assert findings[0].startsWith("[ERROR] ${file}:2: LV016 ") && findings[0].contains('service')
assert log.contains('logconv: schema-file-project: 1 finding (1 error, 0 warnings, 0 notes) in 0 source files and 1 log file (2 lines)')
return true
