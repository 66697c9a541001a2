package io.cairn.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal, with Prometheus's message where it has one. */
class ConfigErrorTest {
  static List<Path> corpus() throws IOException {
    return PromtoolConfigCorpus.files();
  }

  /** The corpus without promtool: cairn's verdict matches each file's name. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusVerdicts(Path file) {
    if (PromtoolConfigCorpus.expectedValid(file)) {
      assertThat(file).satisfies(f -> PromConfig.load(f));
    } else {
      assertThatThrownBy(() -> PromConfig.load(file)).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("parsing YAML file " + file + ": ");
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "invalid-unknown-top|yaml: unmarshal errors:\\n  line 1: field foo not found in type config.plain",
    "invalid-unknown-scrape|yaml: unmarshal errors:\\n  line 3: field bar not found in type config.ScrapeConfig",
    "invalid-unknown-relabel|yaml: unmarshal errors:\\n  line 4: field foo not found in type relabel.plain",
    "invalid-duplicate-field|yaml: unmarshal errors:\\n  line 3: field job_name already set in type config.ScrapeConfig",
    "invalid-duplicate-label-key|yaml: unmarshal errors:\\n  line 4: key \"a\" already set in map",
    "invalid-bool-int|yaml: unmarshal errors:\\n  line 3: cannot unmarshal !!int `1` into bool",
    "invalid-negative-limit|yaml: unmarshal errors:\\n  line 3: cannot unmarshal !!int `-1` into uint",
    "invalid-params-scalar|yaml: unmarshal errors:\\n  line 4: cannot unmarshal !!str `x` into []string",
    "invalid-timeout-gt-interval|scrape timeout greater than scrape interval for scrape config with job name \"a\"",
    "invalid-global-timeout|global scrape timeout greater than scrape interval",
    "invalid-duplicate-job|found multiple scrape configs with job name \"a\"",
    "invalid-empty-job|job_name is empty",
    "invalid-null-scrape|empty or null scrape config section",
    "invalid-bad-duration|not a valid duration string: \"1x\"",
    "invalid-empty-duration|empty duration string",
    "invalid-duration-range|duration out of range",
    "invalid-body-size-unit|units: unknown unit mb in 10mb",
    "invalid-basic-and-authorization|at most one of basic_auth, oauth2 & authorization must be configured",
    "invalid-bearer-and-file|at most one of bearer_token & bearer_token_file must be configured",
    "invalid-password-and-file|at most one of basic_auth password & password_file must be configured",
    "invalid-authorization-basic|authorization type cannot be set to \"basic\", use \"basic_auth\" instead",
    "invalid-tls-version|unknown TLS version: TLS14",
    "invalid-proxy-url|parse \"::\": missing protocol scheme",
    "invalid-target-url|\"http://x:80\" is not a valid hostname",
    "invalid-static-label-name|\"a-b\" is not a valid label name",
    "invalid-external-label-name|\"a-b\" is not a valid label name",
    "invalid-file-sd-glob-dir|path name \"a/*/b.json\" is not valid for file discovery",
    "invalid-file-sd-empty|file service discovery config must contain at least one path name",
    "invalid-http-sd-scheme|URL scheme must be 'http' or 'https'",
    "invalid-http-sd-missing-url|URL is missing",
    "invalid-http-sd-no-host|host is missing in URL",
    "invalid-relabel-regex|error parsing regexp: missing closing ): `^(?:()$`",
    "invalid-relabel-action|unknown relabel action \"foo\"",
    "invalid-relabel-no-target|relabel configuration for replace action requires 'target_label' value",
    "invalid-relabel-hashmod-modulus|relabel configuration for hashmod requires non-zero modulus",
    "invalid-relabel-labeldrop-extra|labeldrop action requires only 'regex', and no other fields",
    "invalid-relabel-null|empty or null metric relabeling rule in scrape config",
    "invalid-rule-file-path|invalid rule file path \"a/*/b.yml\"",
  })
  void messages(String name, String message) {
    Path file = PromtoolConfigCorpus.dir().resolve(name + ".yml");
    assertThatThrownBy(() -> PromConfig.load(file)).hasMessage("parsing YAML file " + file + ": " + message.replace("\\n", "\n"));
  }

  @Test
  void typeErrorsAreCollected() {
    assertThatThrownBy(() -> PromConfig.parse("global:\n  foo: 1\nscrape_configs:\n  - job_name: a\n    bar: 2\n", null))
        .hasMessage("yaml: unmarshal errors:\n  line 2: field foo not found in type config.plain\n"
            + "  line 5: field bar not found in type config.ScrapeConfig");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "scrape_configs:\\n  - job_name: a\\n    scheme: ftp\\n|scheme \"ftp\" for scrape config with job name \"a\" is not supported: expected http or https",
    "scrape_configs:\\n  - job_name: a\\n    kubernetes_sd_configs: []\\n|line 3: kubernetes_sd_configs is a Prometheus service discovery",
    "scrape_configs:\\n  - job_name: a\\n    kv_sd_configs:\\n      - endpoints: []\\n|kv_sd_configs: endpoints must list at least one host:port",
    "scrape_configs:\\n  - job_name: a\\n    kv_sd_configs:\\n      - endpoints: [kv]\\n|kv_sd_configs: endpoint \"kv\" is not host:port",
    "scrape_configs:\\n  - job_name: a\\n    kv_sd_configs:\\n      - prefix: \"\"\\n|kv_sd_configs: prefix must not be empty",
    "scrape_configs:\\n  - job_name: a\\n    kv_sd_configs:\\n      - foo: 1\\n|yaml: unmarshal errors:\\n  line 4: field foo not found in type cairn.KvSDConfig",
    "scrape_configs:\\n  - job_name: a\\n    oauth2: {client_id: x}\\n|either oauth2 client_secret or client_secret_file must be configured",
    "scrape_configs: [\\n|yaml: line 2:",
    "a: &x [*x]\\n|yaml:",
  })
  void cairnOwnRefusals(String yaml, String messageStart) {
    assertThatThrownBy(() -> PromConfig.parse(yaml.replace("\\n", "\n"), null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(messageStart.replace("\\n", "\n"));
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yml");
    Files.write(big, new byte[(int) PromConfig.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> PromConfig.load(big)).hasMessageContaining("is larger than 16777216 bytes");
    assertThatThrownBy(() -> PromConfig.load(dir.resolve("missing.yml"))).hasMessageStartingWith("reading config file ");
  }

  @Test
  void invalidUtf8IsRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.yml");
    Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xc3, '\n'});
    assertThatThrownBy(() -> PromConfig.load(f)).hasMessageEndingWith("the file is not valid UTF-8");
  }
}
