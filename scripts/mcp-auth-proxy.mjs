// Forwards every request to the hub with the API key added, because the MCP conformance suite has no
// way to send an authentication header. Host and Origin pass through unchanged, so the suite's DNS-rebinding
// scenario still tests the hub's own Origin check. Usage: node mcp-auth-proxy.mjs <listen-port> <hub-port>
// with the key in MCP_API_KEY.
import http from 'node:http';

const [listenPort, hubPort] = process.argv.slice(2).map(Number);
const key = process.env.MCP_API_KEY;
if (!listenPort || !hubPort || !key) {
  console.error('usage: MCP_API_KEY=... node mcp-auth-proxy.mjs <listen-port> <hub-port>');
  process.exit(2);
}

http.createServer((request, response) => {
  const upstream = http.request({
    host: '127.0.0.1',
    port: hubPort,
    method: request.method,
    path: request.url,
    headers: { ...request.headers, 'x-chittyos-api-key': key },
  }, (answer) => {
    response.writeHead(answer.statusCode, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`proxy: ${error.message}`);
  });
  request.pipe(upstream);
}).listen(listenPort, '127.0.0.1');
