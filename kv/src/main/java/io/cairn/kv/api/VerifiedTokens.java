package io.cairn.kv.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * JWTs whose signature {@link JwtTokens} has checked, with their claims and expiry, so that a client
 * sending the same token with each of its requests costs one signature check (an RSA or ECDSA
 * verification is tens of microseconds) rather than one per request.
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} tokens; when full, the whole set is dropped and refilled
 * by the tokens in use, which is cheap and needs no ordering. Only tokens that verified are stored,
 * so a client sending forged tokens cannot fill it. Whether a token's revision is still current is
 * not decided here: the caller compares it with the auth store on every request. Thread-safe.
 */
final class VerifiedTokens {
  static final int MAX_ENTRIES = 4096;

  record Entry(JwtTokens.Claims claims, long expiresMillis) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** The entry of a token verified before, or null. */
  Entry get(String token) {
    return entries.get(token);
  }

  void put(String token, Entry entry) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(token, entry);
  }
}
