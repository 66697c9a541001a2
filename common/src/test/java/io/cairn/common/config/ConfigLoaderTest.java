package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.logging.LogFormat;
import io.cairn.common.logging.LogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  private final ConfigLoader loader = new ConfigLoader(CommonKeys.ALL);

  private Path yaml(String text) throws IOException {
    Path f = dir.resolve("cairn.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void noFileNoFlagsGivesDefaults() {
    Config c = loader.load(Optional.empty(), Map.of());
    assertThat(c.get(CommonKeys.ADMIN_ADDRESS)).isEqualTo(new HostPort("127.0.0.1", 9901));
    assertThat(c.get(CommonKeys.DATA_DIR)).isEqualTo(Path.of("data"));
    assertThat(c.get(CommonKeys.LOG_FORMAT)).isEqualTo(LogFormat.TEXT);
    assertThat(c.get(CommonKeys.LOG_LEVEL)).isEqualTo(LogLevel.INFO);
  }

  @Test
  void fileSetsNestedFieldsAndFlagsWin() throws IOException {
    Path f = yaml("data-dir: /var/lib/cairn\nadmin:\n  address: 0.0.0.0:9000\nlog:\n  level: debug\n");
    Config c = loader.load(Optional.of(f), Map.of(CommonKeys.LOG_LEVEL, "warn"));
    assertThat(c.get(CommonKeys.DATA_DIR)).isEqualTo(Path.of("/var/lib/cairn"));
    assertThat(c.get(CommonKeys.ADMIN_ADDRESS)).isEqualTo(new HostPort("0.0.0.0", 9000));
    assertThat(c.get(CommonKeys.LOG_LEVEL)).isEqualTo(LogLevel.WARN);
    assertThat(c.get(CommonKeys.LOG_FORMAT)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void emptyFileGivesDefaults() throws IOException {
    Config c = loader.load(Optional.of(yaml("# nothing here\n")), Map.of());
    assertThat(c.get(CommonKeys.LOG_FORMAT)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void unknownFieldIsNamedWithTheKnownOnes() throws IOException {
    Path f = yaml("admin:\n  adress: 1.2.3.4:5\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown field 'admin.adress'")
        .hasMessageContaining("admin.address");
  }

  @Test
  void badValueNamesFieldExpectationAndInput() throws IOException {
    Path f = yaml("admin:\n  address: localhost:99999\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "config file '" + f + "': field 'admin.address': expected host:port with a port from 0"
                + " to 65535, got 'localhost:99999'");
  }

  @Test
  void badEnumListsChoices() throws IOException {
    Path f = yaml("log:\n  format: xml\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .hasMessageContaining("field 'log.format': expected one of text, json, got 'xml'");
  }

  @Test
  void sectionGivenAsScalarOrLeafGivenAsMapIsRejected() throws IOException {
    Path f1 = yaml("admin: 5\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f1), Map.of()))
        .hasMessageContaining("field 'admin': expected a map with fields address, got '5'");
    Path f2 = yaml("data-dir:\n  a: b\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f2), Map.of()))
        .hasMessageContaining("field 'data-dir': expected a single value, got a map");
  }

  @Test
  void invalidYamlReportsLine() throws IOException {
    Path f = yaml("admin:\n  address: [unclosed\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML at line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void topLevelListIsRejected() throws IOException {
    Path f = yaml("- a\n- b\n");
    assertThatThrownBy(() -> loader.load(Optional.of(f), Map.of()))
        .hasMessageContaining("expected a map of fields at the top level");
  }

  @Test
  void missingAndOversizedFilesAreRejected() throws IOException {
    assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("nope.yaml")), Map.of()))
        .hasMessageEndingWith(": no such file");
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[ConfigLoader.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> loader.load(Optional.of(big), Map.of()))
        .hasMessageContaining("larger than the limit of 1048576 bytes");
  }

  @Test
  void badFlagNamesTheFlag() {
    assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(CommonKeys.LOG_LEVEL, "loud")))
        .hasMessage(
            "flag --log-level: expected one of error, warn, info, debug, trace, got 'loud'");
  }

  @Test
  void duplicateKeysInSchemaAreAProgrammingError() {
    assertThatThrownBy(() -> new ConfigLoader(java.util.List.of(CommonKeys.DATA_DIR, CommonKeys.DATA_DIR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared twice");
  }
}
