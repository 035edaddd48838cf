// The baseline goal wrote the one unsuppressed finding; the check then passes, counting one
// suppressed and one baselined finding.
def baseline = new File(basedir, 'logconv-baseline.txt')
assert baseline.isFile()
def entries = baseline.readLines().findAll { !it.startsWith('#') && !it.isBlank() }
assert entries.size() == 1 : entries
assert entries[0].startsWith('LC011\tsrc/main/java/com/example/orders/OrderService.java\t')

def log = new File(basedir, 'build.log').text
assert log.contains('logconv: suppression-baseline-project: wrote 1 finding to baseline logconv-baseline.txt')
assert log.contains('logconv: suppression-baseline-project: 0 findings (0 errors, 0 warnings, 0 notes) in 1 source file; 1 suppressed, 1 baselined')
return true
