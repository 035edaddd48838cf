// The first run rewrote each finding that has a fix, and only the changed expressions; the second
// run found nothing left to fix; compile ran on the result.
def java = new File(basedir, 'src/main/java/com/example/orders/OrderService.java').text
assert java.contains('import io.logconv.schema.Action;\nimport java.io.IOException;')
assert java.contains('    // scaling is logged once per request\n    log.info("scaled {} to {}", name, replicas);')
assert java.contains('log.atInfo().addKeyValue("app_pod_name", name).log("reconciled");')
assert java.contains('log.atInfo().addKeyValue("audit", true).addKeyValue("action", Action.UPDATE).log("order changed");')
assert java.contains('log.error("save of {} failed", name, e);')
assert java.contains('    System.out.println(name);')

def xml = new File(basedir, 'src/main/resources/logback.xml').text
assert xml == '''<configuration>
  <!-- one console appender, for kubectl logs -->
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder class="io.logconv.logback.ConventionsEncoder"/>
  </appender>
  <root level="INFO">
    <appender-ref ref="STDOUT"/>
  </root>
</configuration>
'''

assert new File(basedir, 'target/classes/com/example/orders/OrderService.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('logconv: fix-project: fixed 0 findings in 0 files')
assert log.contains('LC011')
assert log.contains('logconv: fix-project: 1 finding remains without a fix')
return true
