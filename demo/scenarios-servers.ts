// Who asked: web servers, an application server, a cloud gateway and a Windows server that fell back
// to NTLM. Headers as the real products send them (see tests/fixtures/server-responses.ts for sources).
import { json, reply, type Expectation, type Scenario } from './scenario-types';
import { negotiateNtlmFallback } from './windows-token';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];
const frame = (scheme: string): Expectation => ({ status: 401, scheme, type: 'sub_frame', method: 'GET' });

export const SERVER_SCENARIOS: Scenario[] = [
  {
    id: 'nginx-auth-basic',
    title: 'nginx auth_basic',
    summary:
      "An iframe meets nginx's own password check (auth_basic): the popup names nginx and the directives behind it.",
    path: '/servers/nginx/',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Basic'),
    respond: () =>
      reply(
        401,
        [['Server', 'nginx/1.22.1'], wa('Basic realm="Staff only"')],
        '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx/1.22.1</center></body></html>',
      ),
  },
  {
    id: 'tomcat-manager',
    title: 'Tomcat Manager',
    summary:
      "An iframe opens Tomcat's Manager app: its realm suggests Tomcat (the DevTools panel reads the page, which names it), and the fix is a manager-gui role in tomcat-users.xml.",
    path: '/servers/tomcat/manager/html',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Basic'),
    respond: () =>
      reply(
        401,
        [['Cache-Control', 'private'], wa('Basic realm="Tomcat Manager Application"')],
        // Shortened from the page Debian's tomcat10-admin sends (tests/fixtures/bodies/tomcat-manager-401.html).
        '<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1><p>You are not authorized to view this page. If you have not changed any configuration files, please examine the file <tt>conf/tomcat-users.xml</tt> in your installation.</p><pre>&lt;role rolename="manager-gui"/&gt;\n&lt;user username="tomcat" password="s3cret" roles="manager-gui"/&gt;</pre></body></html>',
      ),
  },
  {
    id: 'api-gateway',
    title: 'Amazon API Gateway authorizer',
    summary:
      'A fetch() meets an API Gateway authorizer that found no token: x-amzn-ErrorType names the gateway, not the app.',
    path: '/servers/api-gateway/orders',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: () =>
      json(
        401,
        [
          ['x-amzn-RequestId', '7b1c2d3e-0000-4000-8000-000000000000'],
          ['x-amzn-ErrorType', 'UnauthorizedException'],
          ['x-amz-apigw-id', 'AbCdEfGhIjKlMnO='],
        ],
        { message: 'Unauthorized' },
      ),
  },
  {
    id: 'negotiate-ntlm-fallback',
    title: 'Negotiate fell back to NTLM',
    summary:
      'An iframe meets IIS answering Negotiate with an NTLM token: decoded, it says Kerberos was not used and names the CONTOSO domain.',
    path: '/servers/iis/intranet',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Negotiate'),
    respond: () =>
      reply(
        401,
        [
          ['Server', 'Microsoft-IIS/10.0'],
          wa(negotiateNtlmFallback(Date.now())),
          ['X-Powered-By', 'ASP.NET'],
        ],
        '<h1>401 - Unauthorized: Access is denied due to invalid credentials.</h1>',
      ),
  },
];
