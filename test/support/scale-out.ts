import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An nginx load balancer in `dir` (pid, logs and temp files inside it): round robin over `upstreams`, passing the
 * client address as the platform's docs ask, and naming the process that answered in `x-upstream` (nginx's own
 * $upstream_addr: the platform is not asked to reveal anything about itself).
 */
export function writeLoadBalancerConfig(dir: string, port: number, upstreams: number[]): void {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp), { recursive: true });
  chmodSync(dir, 0o755);
  // Running as root (CI): workers would otherwise drop to "nobody", who cannot write the upload buffers here.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${user}
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  upstream openbeian {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 16m;
    location / {
      proxy_pass http://openbeian;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header x-upstream $upstream_addr always;
    }
  }
}
`,
  );
}
