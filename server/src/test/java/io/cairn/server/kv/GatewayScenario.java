package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A deterministic sequence of curl calls to the JSON gateway with what etcd answers (status and body
 * substrings). Run against each target it is checked against those; run against real etcd and a
 * candidate, the two normalized transcripts must be identical.
 *
 * @param source the heading of the section of {@code ../shared/conformance/etcd} it comes from
 * @param freshStore whether it needs an empty store (a server of its own) rather than a shared one
 *     with other scenarios' keys under other prefixes
 */
record GatewayScenario(String name, String source, boolean freshStore, ServerOptions options, List<GatewayStep> steps) {
  GatewayScenario {
    steps = List.copyOf(steps);
  }

  /** A scenario for a shared server: its keys must live under a prefix no other scenario uses. */
  static Builder shared(String name) {
    return new Builder(name, false);
  }

  /** A scenario that starts from an empty store (revision 1) on a server of its own. */
  static Builder fresh(String name) {
    return new Builder(name, true);
  }

  @Override
  public String toString() {
    return name;
  }

  /** {@code template} with each {@code %s} replaced by the base64 of the next text: keys and values in JSON. */
  static String json(String template, String... texts) {
    Object[] encoded = Arrays.stream(texts).map(HttpCall::b64).toArray();
    return template.formatted(encoded);
  }

  /** The base64 of {@code text}, for expectations. */
  static String b64(String text) {
    return HttpCall.b64(text);
  }

  /** Builds the steps; the expectation methods apply to the most recently added call. */
  static final class Builder {
    private final String name;
    private final boolean freshStore;
    private String source = Sources.GATEWAY;
    private ServerOptions options = ServerOptions.DEFAULTS;
    private final List<GatewayStep> steps = new ArrayList<>();
    private HttpCall call;
    private int streamLines;
    private int status;
    private String mediaType;
    private final List<String> body = new ArrayList<>();
    private final List<String> absent = new ArrayList<>();
    private final Map<String, Pattern> captures = new LinkedHashMap<>();
    private boolean decoderMessage;

    private Builder(String name, boolean freshStore) {
      this.name = name;
      this.freshStore = freshStore;
    }

    Builder source(String heading) {
      this.source = heading;
      return this;
    }

    Builder options(ServerOptions options) {
      this.options = options;
      return this;
    }

    /** Adds a POST answered with one response; etcd answers 200 unless {@link #status} says otherwise. */
    Builder post(String path, String json) {
      return add(HttpCall.post(path, json), 0);
    }

    Builder get(String path) {
      return add(HttpCall.get(path), 0);
    }

    /** Adds a call with any method, such as a wrong one. */
    Builder send(String method, String path, String json) {
      return add(new HttpCall(method, path, json), 0);
    }

    /** Adds a streaming POST, read until its body has {@code lines} lines (or a deadline passed). */
    Builder stream(int lines, String path, String json) {
      return add(HttpCall.post(path, json), lines);
    }

    /** Sends the last call with this token ({@code {token}} for a captured one) in the Authorization header. */
    Builder authorized(String token) {
      call = call.withAuthorization(token);
      return this;
    }

    Builder status(int httpStatus) {
      this.status = httpStatus;
      return this;
    }

    /** The response's media type ({@code Content-Type} without parameters). */
    Builder type(String media) {
      this.mediaType = media;
      return this;
    }

    /** The body contains these, in this order. */
    Builder body(String... inOrder) {
      body.addAll(List.of(inOrder));
      return this;
    }

    /** The body contains none of these. */
    Builder absent(String... texts) {
      absent.addAll(List.of(texts));
      return this;
    }

    /** etcd's grpc-gateway error body with this gRPC code and message, and the given HTTP status. */
    Builder error(int httpStatus, int grpcCode, String message) {
      return status(httpStatus)
          .body("{\"error\":\"" + message + "\",\"message\":\"" + message + "\",\"code\":" + grpcCode + "}");
    }

    /**
     * An error body with {@code grpcCode} whose message comes from the server's JSON decoder; its
     * wording is left out of the comparison.
     */
    Builder decoderError(int httpStatus, int grpcCode) {
      decoderMessage = true;
      return status(httpStatus).body("{\"error\":\"", "\",\"message\":\"", "\",\"code\":" + grpcCode + "}");
    }

    /** Adds the calls {@code more} adds: a sequence several scenarios share. */
    Builder then(UnaryOperator<Builder> more) {
      return more.apply(this);
    }

    /** Captures the first group of {@code regex} in the body as {@code {name}}. */
    Builder capture(String name, String regex) {
      captures.put(name, Pattern.compile(regex));
      return this;
    }

    private Builder add(HttpCall next, int lines) {
      flush();
      call = next;
      streamLines = lines;
      status = 200;
      return this;
    }

    private void flush() {
      if (call != null) {
        steps.add(
            new GatewayStep(call, streamLines, new GatewayExpect(status, body, absent, mediaType), captures, decoderMessage));
      }
      body.clear();
      absent.clear();
      captures.clear();
      decoderMessage = false;
      mediaType = null;
    }

    GatewayScenario build() {
      flush();
      call = null;
      return new GatewayScenario(name, source, freshStore, options, steps);
    }
  }
}
