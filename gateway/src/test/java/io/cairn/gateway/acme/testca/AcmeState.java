package io.cairn.gateway.acme.testca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.List;

/** The test server's resources (mutable, guarded by the server's lock) and their JSON forms. */
final class AcmeState {
  private AcmeState() {}

  static final class Account {
    final String id;
    final PublicKey key;
    final String thumbprint;

    Account(String id, PublicKey key, String thumbprint) {
      this.id = id;
      this.key = key;
      this.thumbprint = thumbprint;
    }
  }

  static final class Challenge {
    final String id;
    final String type;
    final String token;
    final Authz authz;
    String status = "pending";
    String error;

    Challenge(String id, String type, String token, Authz authz) {
      this.id = id;
      this.type = type;
      this.token = token;
      this.authz = authz;
    }

    ObjectNode json(String base) {
      ObjectNode n = Jws.JSON.createObjectNode();
      n.put("type", type).put("url", base + "/chall/" + id).put("status", status).put("token", token);
      if (error != null) {
        n.putObject("error").put("type", "urn:ietf:params:acme:error:incorrectResponse")
            .put("detail", error).put("status", 403);
      }
      return n;
    }
  }

  static final class Authz {
    final String id;
    final String domain;
    final String accountId;
    List<Challenge> challenges = List.of();
    String status = "pending";

    Authz(String id, String domain, String accountId) {
      this.id = id;
      this.domain = domain;
      this.accountId = accountId;
    }

    ObjectNode json(String base) {
      ObjectNode n = Jws.JSON.createObjectNode();
      n.putObject("identifier").put("type", "dns").put("value", domain);
      n.put("status", status).put("expires", "2099-01-01T00:00:00Z");
      var list = n.putArray("challenges");
      challenges.forEach(c -> list.add(c.json(base)));
      return n;
    }
  }

  static final class Order {
    final String id;
    final String accountId;
    final List<String> domains;
    final List<Authz> authzs;
    String certId;
    boolean processing;

    Order(String id, String accountId, List<String> domains, List<Authz> authzs) {
      this.id = id;
      this.accountId = accountId;
      this.domains = domains;
      this.authzs = authzs;
    }

    String status() {
      if (certId != null) {
        return "valid";
      }
      if (authzs.stream().anyMatch(a -> a.status.equals("invalid"))) {
        return "invalid";
      }
      if (processing) {
        return "processing";
      }
      return authzs.stream().allMatch(a -> a.status.equals("valid")) ? "ready" : "pending";
    }

    ObjectNode json(String base) {
      ObjectNode n = Jws.JSON.createObjectNode();
      n.put("status", status()).put("expires", "2099-01-01T00:00:00Z");
      var ids = n.putArray("identifiers");
      domains.forEach(d -> ids.addObject().put("type", "dns").put("value", d));
      var as = n.putArray("authorizations");
      authzs.forEach(a -> as.add(base + "/authz/" + a.id));
      n.put("finalize", base + "/finalize/" + id);
      if (certId != null) {
        n.put("certificate", base + "/cert/" + certId);
      }
      return n;
    }
  }
}
