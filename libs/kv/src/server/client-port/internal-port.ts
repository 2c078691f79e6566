/**
 * The gateway's own way in on a TLS client port: a Unix socket in a
 * private (0700) temporary directory, whose connections go to grpc-js
 * through a plaintext connection injector. On etcd, the gateway of an
 * https:// port dials the port with the server's own certificate, so its
 * calls run as the server certificate's common name when auth trusts
 * certificates; here they carry only the HTTP client's token
 * (`Authorization`), after the HTTP side checked the client certificate
 * (tls.ts httpClientCertificateCheck), so no identity is borrowed.
 */
import type { ConnectionInjector } from '@grpc/grpc-js';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A listening internal port. */
export class InternalPort {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-gateway-'));
  /** The grpc-js target that reaches it. */
  readonly target = `unix:${path.join(this.dir, 'grpc.sock')}`;

  constructor(grpc: ConnectionInjector) {
    fs.chmodSync(this.dir, 0o700);
    this.server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      grpc.injectConnection(socket);
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.target.slice('unix:'.length), () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        fs.rmSync(this.dir, { recursive: true, force: true });
        resolve();
      });
      for (const socket of this.sockets) socket.destroy();
    });
  }
}
