// LC008 re-graded to error fails the build; LC011 is off; the excluded file is not linted; the
// configured log file's LV004 is re-graded to note and reported without failing.
def log = new File(basedir, 'build.log').text
def java = new File(basedir, 'src/main/java/com/example/orders/OrderService.java').canonicalPath
def sample = new File(basedir, 'src/test/resources/samples/orders.log').canonicalPath
def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} / }
assert findings.size() == 2 : findings.join('\n')
assert findings[0].startsWith("[ERROR] ${java}:11:") && findings[0].contains(': LC008 ')
assert findings[1].startsWith("[INFO] ${sample}:1: LV004 ")
assert !log.contains('Generated.java')
assert log.contains('logconv: configured-project: 2 findings (1 error, 0 warnings, 1 note) in 1 source file and 1 log file (1 line)')
assert log.contains('logconv: 1 finding at or above error: LC008 x1.')
assert new File(basedir, 'target/reports/logconv.sarif').isFile()
return true
