// A real reverse proxy in front of the app's instances, as a deployment would have: Debian's
// nginx, with a configuration of the drill's own under .data/, on loopback only.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataPath, logPath } from "../../scripts/lib/paths";
import { assertPortFree, onShutdown, start, waitForHttp, type Service } from "../../scripts/lib/proc";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"];

/**
 * The nginx binary, installed with apt when this process is root and it is missing; null (and
 * one line saying how to get it) otherwise.
 */
export function findNginx(): string | null {
  const found = () => CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
  if (found()) return found();
  if (process.getuid?.() === 0) {
    console.log("nginx: not installed; running apt-get install -y nginx");
    const install = spawnSync("apt-get", ["install", "-y", "nginx"], { stdio: "inherit" });
    if (install.status === 0 && found()) return found();
  }
  console.log("nginx: not installed; install it with `apt-get install -y nginx` (as root) and run the drill again");
  return null;
}

export type Proxy = { url: string; service: Service; configFile: string };

/**
 * Starts nginx on 127.0.0.1:`port`, balancing over `upstreams` (host:port). Set up for Server-Sent
 * Events: HTTP/1.1 to the upstreams, nothing buffered, idle streams kept for an hour. A request
 * that cannot reach an instance (refused, or no connection in time) goes to the next one, and the
 * failed instance is then left out for 30 s, so new connections skip a dead one. Every answer
 * names the instance that gave it in `X-Rabta-Upstream`. `keepalive` keeps that many idle
 * connections to the instances (none by default, for the reason in the config).
 */
export async function startNginx(
  binary: string,
  name: string,
  port: number,
  upstreams: string[],
  options: { keepalive?: number } = {},
): Promise<Proxy> {
  await assertPortFree(port, "nginx");
  const prefix = dataPath(`${name}-nginx`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(path.join(prefix, "temp"), { recursive: true });
  onShutdown(async () => rmSync(prefix, { recursive: true, force: true }));
  const errorLog = logPath(`${name}-nginx-error`);
  const configFile = path.join(prefix, "nginx.conf");
  const temp = (kind: string) => path.join(prefix, "temp", kind);
  writeFileSync(
    configFile,
    `# Written by bench/faults/nginx.ts for one drill; deleted when it ends.
${process.getuid?.() === 0 ? "# The master runs as root; its workers as Debian's unprivileged user.\nuser nobody nogroup;\n" : ""}worker_processes 1;
pid ${path.join(prefix, "nginx.pid")};
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp("client_body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};

  upstream rabta {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=30s;`).join("\n")}
    # No pool of idle upstream connections (keepalive): a POST sent down a pooled connection to
    # an instance that has just died fails with 502, as nginx retries a non-idempotent request
    # only if it never reached the upstream. A fresh connection to a dead instance is refused,
    # and the request goes to the other one. A load test that kills nothing may ask for a pool.
${options.keepalive ? `    keepalive ${options.keepalive};\n` : ""}  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://rabta;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Server-Sent Events: pass every byte on at once, and keep quiet streams open (the app
      # sends a heartbeat comment every 20 s anyway).
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      # A dead instance refuses at once; one that hangs is given up on quickly.
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      add_header X-Rabta-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const test = spawnSync(binary, ["-t", "-q", "-p", prefix, "-e", errorLog, "-c", configFile], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx rejected ${configFile}: ${test.stderr.trim()}`);
  const service = start({
    name: `${name}-nginx`,
    command: binary,
    args: ["-p", prefix, "-e", errorLog, "-c", configFile, "-g", "daemon off;"],
    toLogFile: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, { timeoutMs: 30_000, service });
  console.log(`nginx: ${url} → ${upstreams.join(", ")} (config: ${configFile})`);
  return { url, service, configFile };
}
