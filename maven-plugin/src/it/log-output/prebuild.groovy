// Stands in for the module's tests: what a test run writes through the logconv encoder to
// target/logconv/*.log (see the README), one conforming line and one with a reserved key.
def dir = new File(basedir, 'target/logconv')
dir.mkdirs()
new File(dir, 'orders-test.log').text =
    '{"ts":"2026-01-01T00:00:00.000Z","level":"info","msg":"order placed","logger":"com.example.orders.OrderService","order_id":"o-1"}\n' +
    '{"ts":"2026-01-01T00:00:00.001Z","level":"info","msg":"order placed","logger":"com.example.orders.OrderService","pod_name":"web-1"}\n'
return true
