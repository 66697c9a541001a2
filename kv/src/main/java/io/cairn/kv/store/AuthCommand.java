package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.etcd.jetcd.api.AuthDisableRequest;
import io.etcd.jetcd.api.AuthRoleAddRequest;
import io.etcd.jetcd.api.AuthRoleDeleteRequest;
import io.etcd.jetcd.api.AuthRoleGrantPermissionRequest;
import io.etcd.jetcd.api.AuthRoleRevokePermissionRequest;
import io.etcd.jetcd.api.AuthUserAddRequest;
import io.etcd.jetcd.api.AuthUserChangePasswordRequest;
import io.etcd.jetcd.api.AuthUserDeleteRequest;
import io.etcd.jetcd.api.AuthUserGrantRoleRequest;
import io.etcd.jetcd.api.AuthUserRevokeRoleRequest;

/**
 * The replicated auth changes (etcd's {@code InternalRaftRequest} auth fields), tags 10 to 20 of the
 * {@link KvCommand} wire format. The body is the etcd request's protobuf encoding, except:
 *
 * <ul>
 *   <li>{@link Enable}: the body is the token secret itself (32 random bytes the proposer chose), so
 *       every member signs and checks tokens with the same key.
 *   <li>{@link UserAdd} and {@link UserChangePassword}: the request's {@code password} field holds the
 *       bcrypt hash the proposer computed, never the password (etcd 3.5 does the same; 3.4 hashed at
 *       apply, with a different salt on every member). Empty means a user without password.
 * </ul>
 */
public sealed interface AuthCommand extends KvCommand {

  /** The body after the format and tag bytes. */
  byte[] body();

  record Enable(ByteString tokenSecret) implements AuthCommand {
    public byte tag() {
      return 10;
    }

    public byte[] body() {
      return tokenSecret.toByteArray();
    }
  }

  record Disable() implements AuthCommand {
    public byte tag() {
      return 11;
    }

    public byte[] body() {
      return AuthDisableRequest.getDefaultInstance().toByteArray();
    }
  }

  record UserAdd(AuthUserAddRequest request) implements AuthCommand {
    public byte tag() {
      return 12;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record UserDelete(AuthUserDeleteRequest request) implements AuthCommand {
    public byte tag() {
      return 13;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record UserChangePassword(AuthUserChangePasswordRequest request) implements AuthCommand {
    public byte tag() {
      return 14;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record UserGrantRole(AuthUserGrantRoleRequest request) implements AuthCommand {
    public byte tag() {
      return 15;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record UserRevokeRole(AuthUserRevokeRoleRequest request) implements AuthCommand {
    public byte tag() {
      return 16;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record RoleAdd(AuthRoleAddRequest request) implements AuthCommand {
    public byte tag() {
      return 17;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record RoleDelete(AuthRoleDeleteRequest request) implements AuthCommand {
    public byte tag() {
      return 18;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record RoleGrantPermission(AuthRoleGrantPermissionRequest request) implements AuthCommand {
    public byte tag() {
      return 19;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  record RoleRevokePermission(AuthRoleRevokePermissionRequest request) implements AuthCommand {
    public byte tag() {
      return 20;
    }

    public byte[] body() {
      return request.toByteArray();
    }
  }

  /** The request message for logging, or null for {@link Enable} (whose body is a secret). */
  default Message message() {
    return switch (this) {
      case Enable e -> null;
      case Disable d -> AuthDisableRequest.getDefaultInstance();
      case UserAdd u -> u.request();
      case UserDelete u -> u.request();
      case UserChangePassword u -> u.request();
      case UserGrantRole u -> u.request();
      case UserRevokeRole u -> u.request();
      case RoleAdd r -> r.request();
      case RoleDelete r -> r.request();
      case RoleGrantPermission r -> r.request();
      case RoleRevokePermission r -> r.request();
    };
  }

  /** Parses this command's response as {@code ApplyResult} encodes it. */
  default Message parseResponse(byte[] body) throws InvalidProtocolBufferException {
    return switch (this) {
      case Enable e -> io.etcd.jetcd.api.AuthEnableResponse.parseFrom(body);
      case Disable d -> io.etcd.jetcd.api.AuthDisableResponse.parseFrom(body);
      case UserAdd u -> io.etcd.jetcd.api.AuthUserAddResponse.parseFrom(body);
      case UserDelete u -> io.etcd.jetcd.api.AuthUserDeleteResponse.parseFrom(body);
      case UserChangePassword u -> io.etcd.jetcd.api.AuthUserChangePasswordResponse.parseFrom(body);
      case UserGrantRole u -> io.etcd.jetcd.api.AuthUserGrantRoleResponse.parseFrom(body);
      case UserRevokeRole u -> io.etcd.jetcd.api.AuthUserRevokeRoleResponse.parseFrom(body);
      case RoleAdd r -> io.etcd.jetcd.api.AuthRoleAddResponse.parseFrom(body);
      case RoleDelete r -> io.etcd.jetcd.api.AuthRoleDeleteResponse.parseFrom(body);
      case RoleGrantPermission r -> io.etcd.jetcd.api.AuthRoleGrantPermissionResponse.parseFrom(body);
      case RoleRevokePermission r -> io.etcd.jetcd.api.AuthRoleRevokePermissionResponse.parseFrom(body);
    };
  }

  /** Decodes the body of an auth tag, or returns null when {@code tag} is not an auth tag. */
  static AuthCommand decode(byte tag, ByteString body) throws InvalidProtocolBufferException {
    return switch (tag) {
      case 10 -> new Enable(body);
      case 11 -> {
        AuthDisableRequest.parseFrom(body);
        yield new Disable();
      }
      case 12 -> new UserAdd(AuthUserAddRequest.parseFrom(body));
      case 13 -> new UserDelete(AuthUserDeleteRequest.parseFrom(body));
      case 14 -> new UserChangePassword(AuthUserChangePasswordRequest.parseFrom(body));
      case 15 -> new UserGrantRole(AuthUserGrantRoleRequest.parseFrom(body));
      case 16 -> new UserRevokeRole(AuthUserRevokeRoleRequest.parseFrom(body));
      case 17 -> new RoleAdd(AuthRoleAddRequest.parseFrom(body));
      case 18 -> new RoleDelete(AuthRoleDeleteRequest.parseFrom(body));
      case 19 -> new RoleGrantPermission(AuthRoleGrantPermissionRequest.parseFrom(body));
      case 20 -> new RoleRevokePermission(AuthRoleRevokePermissionRequest.parseFrom(body));
      default -> null;
    };
  }
}
