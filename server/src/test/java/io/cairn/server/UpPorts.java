package io.cairn.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports for every fixed listener of {@code cairn up} (kv's client and peer ports, the
 * monitor, the gateway's three entry points), so that tests never meet each other or a real service
 * on the defaults. The admin endpoint is left to the caller (port 0 works there).
 */
record UpPorts(int client, int peer, int monitor, int web, int websecure, int gatewayMetrics) {
  static UpPorts pick() throws IOException {
    return new UpPorts(Peers.freePort(), Peers.freePort(), Peers.freePort(), Peers.freePort(), Peers.freePort(),
        Peers.freePort());
  }

  /** {@code up} with its data under {@code data} and these ports, then {@code more}. */
  List<String> args(Path data, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "up", "--data-dir", data.toString(),
        "--listen-client-urls", "http://127.0.0.1:" + client,
        "--advertise-client-urls", "http://127.0.0.1:" + client,
        "--listen-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-cluster", "default=http://127.0.0.1:" + peer,
        "--web.listen-address", "127.0.0.1:" + monitor,
        "--entryPoints.web.address=127.0.0.1:" + web,
        "--entryPoints.websecure.address=127.0.0.1:" + websecure,
        "--entryPoints.traefik.address=127.0.0.1:" + gatewayMetrics));
    args.addAll(List.of(more));
    return args;
  }
}
