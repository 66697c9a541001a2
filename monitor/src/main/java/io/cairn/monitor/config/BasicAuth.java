package io.cairn.monitor.config;

/**
 * HTTP basic authentication. At most one of {@code password} and {@code passwordFile}; the file is
 * resolved against the config file's directory.
 */
public record BasicAuth(String username, String password, String passwordFile) {}
