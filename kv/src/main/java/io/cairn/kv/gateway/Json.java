package io.cairn.kv.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;

/**
 * grpc-gateway's JSON mapping as etcd 3.4 configures it: proto field names ({@code range_end},
 * {@code TTL}), int64 as strings, bytes as base64, default values left out. Requests may use either
 * proto or camelCase names; fields the message does not have are ignored (etcd's gateway ignores
 * them), but a known field with a bad value, such as an unknown enum name, is an error.
 */
final class Json {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private Json() {}

  static String print(Message m) {
    try {
      return PRINTER.print(m);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot render " + m.getDescriptorForType().getFullName(), e);
    }
  }

  /** Parses a request body; an empty body is the empty message. */
  static <B extends Message.Builder> B parse(byte[] body, B builder) throws BadRequest {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return builder;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode tree = MAPPER.readTree(text);
      dropUnknownFields(tree, builder.getDescriptorForType());
      PARSER.merge(MAPPER.writeValueAsString(tree), builder);
      return builder;
    } catch (java.io.IOException | RuntimeException e) { // InvalidProtocolBufferException is an IOException
      Throwable root = e;
      while (root.getCause() != null && root.getMessage() != null && root.getMessage().startsWith("java.")) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? "malformed JSON" : root.getMessage().lines().findFirst().orElse("");
      throw new BadRequest("malformed request body: " + why);
    }
  }

  /**
   * Removes, recursively, object members that name no field of the message (by proto or JSON name),
   * so the strict parser then checks only what etcd's decoder checks.
   */
  private static void dropUnknownFields(
      com.fasterxml.jackson.databind.JsonNode node, com.google.protobuf.Descriptors.Descriptor type) {
    if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
      return;
    }
    for (var it = object.properties().iterator(); it.hasNext(); ) {
      var member = it.next();
      com.google.protobuf.Descriptors.FieldDescriptor field = field(type, member.getKey());
      if (field == null) {
        it.remove();
      } else if (field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE
          && !field.isMapField()) {
        if (member.getValue().isArray()) {
          member.getValue().forEach(element -> dropUnknownFields(element, field.getMessageType()));
        } else {
          dropUnknownFields(member.getValue(), field.getMessageType());
        }
      }
    }
  }

  private static com.google.protobuf.Descriptors.FieldDescriptor field(
      com.google.protobuf.Descriptors.Descriptor type, String name) {
    var byName = type.findFieldByName(name);
    if (byName != null) {
      return byName;
    }
    for (var f : type.getFields()) {
      if (f.getJsonName().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** grpc-gateway's error body. */
  static String error(Status status) {
    String msg = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return "{\"error\":" + quote(msg) + ",\"message\":" + quote(msg) + ",\"code\":" + status.getCode().value() + "}";
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A request body that is not valid JSON for the message. */
  static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
