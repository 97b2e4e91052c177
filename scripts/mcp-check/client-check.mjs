// The TypeScript MCP SDK as a client of a running hub: over each revision it speaks, connect, list the tools, call
// chitty_services_status, and check what came back. Exit status 0 only when every revision passed.
//   HUB_URL=http://127.0.0.1:8080 MCP_API_KEY=... node client-check.mjs
// 2025-11-25, 2025-06-18, 2025-03-26: @modelcontextprotocol/sdk over Streamable HTTP (/mcp); that client always asks
// for its newest revision in initialize, so the older ones are asked for by rewriting that one field on the way out.
// Over those three the client gets a session, in which it subscribes to a resource and which it ends by DELETE.
// 2024-11-05: the same SDK's SSE transport (/mcp/sse). 2026-07-28: @modelcontextprotocol/client, pinned to it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernTransport,
} from '@modelcontextprotocol/client';

const hub = process.env.HUB_URL;
const key = process.env.MCP_API_KEY;
if (!hub || !key) {
  console.error('usage: HUB_URL=... MCP_API_KEY=... node client-check.mjs');
  process.exit(2);
}
const headers = { 'X-ChittyOS-API-Key': key };
const withKey = (url, init = {}) => fetch(url, { ...init, headers: { ...(init.headers ?? {}), ...headers } });
const clientInfo = { name: 'chittyconnect-ts-client-check', version: '1.0.0' };

/** A transport that asks for `revision` in initialize instead of the SDK's newest. */
function askingFor(transport, revision) {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => send(message.method === 'initialize'
    ? { ...message, params: { ...message.params, protocolVersion: revision } } : message, options);
  return transport;
}

async function exercise(client, revision, negotiated) {
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  if (!tools.includes('chitty_services_status')) {
    throw new Error(`tools/list lacks chitty_services_status: ${tools.join(', ')}`);
  }
  const result = await client.callTool({ name: 'chitty_services_status', arguments: {} });
  const text = result.content?.find((content) => content.type === 'text')?.text ?? '';
  if (result.isError || !JSON.parse(text).ecosystemHealth) {
    throw new Error(`tools/call answered ${JSON.stringify(result).slice(0, 300)}`);
  }
  if (negotiated && negotiated !== revision) {
    throw new Error(`negotiated ${negotiated}, not ${revision}`);
  }
  return `${tools.length} tools, chitty_services_status answered`;
}

/** The session a Streamable HTTP client of the initialize revisions gets: subscribe, unsubscribe, DELETE. */
async function session(client, transport) {
  if (!transport.sessionId) {
    throw new Error('initialize opened no session (no Mcp-Session-Id)');
  }
  if (client.getServerCapabilities()?.resources?.subscribe !== true) {
    throw new Error('resources.subscribe is not offered in the session');
  }
  await client.subscribeResource({ uri: 'chitty://services/status' });
  await client.unsubscribeResource({ uri: 'chitty://services/status' });
  await transport.terminateSession();
  return 'a session: resources/subscribe and unsubscribe answered, DELETE ended it';
}

const checks = [
  ...['2025-11-25', '2025-06-18', '2025-03-26'].map((revision) => [revision, 'Streamable HTTP /mcp', async () => {
    const client = new Client(clientInfo);
    const transport = askingFor(new StreamableHTTPClientTransport(new URL('/mcp', hub), { requestInit: { headers } }),
      revision);
    await client.connect(transport);
    try {
      return `${await exercise(client, revision, transport.protocolVersion)}; ${await session(client, transport)}`;
    } finally {
      await client.close();
    }
  }]),
  ['2024-11-05', 'HTTP+SSE /mcp/sse', async () => {
    const client = new Client(clientInfo);
    await client.connect(askingFor(new SSEClientTransport(new URL('/mcp/sse', hub),
      { requestInit: { headers }, eventSourceInit: { fetch: withKey } }), '2024-11-05'));
    try {
      return await exercise(client, '2024-11-05');
    } finally {
      await client.close();
    }
  }],
  ['2026-07-28', 'Streamable HTTP /mcp, stateless', async () => {
    const client = new ModernClient(clientInfo, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new ModernTransport(new URL('/mcp', hub), { requestInit: { headers } }));
    try {
      return await exercise(client, '2026-07-28');
    } finally {
      await client.close();
    }
  }],
];

let failed = 0;
for (const [revision, transport, check] of checks) {
  try {
    console.log(`PASS ${revision} (${transport}): ${await check()}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${revision} (${transport}): ${error?.message ?? error}`);
  }
}
console.log(failed === 0 ? 'all revisions passed' : `${failed} revision(s) failed`);
process.exit(failed === 0 ? 0 : 1);
