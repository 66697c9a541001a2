/**
 * Typed configuration.
 *
 * <p>A {@link io.cairn.common.config.ConfigKey} names one setting: its dotted YAML path, its command-line
 * flag, how its text is parsed, its default and a one-line description. A {@link
 * io.cairn.common.config.ConfigLoader} reads a YAML file (nested maps whose leaves are the keys' paths),
 * rejects fields no key declares, then applies flag values, which win over the file. The result is an
 * immutable {@link io.cairn.common.config.Config}; every value in it has been parsed and checked, so
 * readers never see bad input.
 *
 * <p>Every failure is a {@link io.cairn.common.config.ConfigException} whose message is one line naming
 * where the value came from (file field or flag), the field, what was expected and what was given.
 */
package io.cairn.common.config;
