// passk's canonical form of Java test values, for the output judge of MultiPL-E Java programs
// (see packages/languages/src/java/java-output-judge.ts); appended to the judge's programs as a
// top-level class, written with fully qualified names only (no import needed). Two values print
// the same when the tests' `==` (primitives) or `.equals` calls them equal, for the types
// MultiPL-E's Java tests use:
// - numbers print as one numeric form whatever their type: integer values in decimal (-0.0 as
//   0), other floating point values in hexadecimal (exact), NaN/Infinity by name; characters as
//   their code; booleans as true/false;
// - strings quoted, characters outside printable ASCII escaped;
// - lists and arrays `[a,b]`, sets `{…}` and maps `{k:v,…}` sorted by their printed entries (as
//   `equals` ignores their order), Optional as `Optional[v]` / `Optional.empty`, javatuples
//   tuples as `(a,b)`; any other object as `<class name>`, equal to no expected value.
// The values are written to passk-values.json as a JSON array of strings, in call order.
final class PasskJudgeValues {
  private final java.util.List<String> shown = new java.util.ArrayList<>();

  void add(Object value) {
    StringBuilder out = new StringBuilder();
    show(out, value);
    shown.add(out.toString());
  }

  void write() throws java.io.IOException {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < shown.size(); i++) {
      if (i > 0) json.append(',');
      json.append('"');
      for (char c : shown.get(i).toCharArray()) {
        if (c == '"' || c == '\\') json.append('\\').append(c);
        else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
        else json.append(c);
      }
      json.append('"');
    }
    json.append(']');
    java.nio.file.Files.write(
        java.nio.file.Paths.get("passk-values.json"),
        json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void number(StringBuilder out, double value) {
    if (Double.isNaN(value)) out.append("NaN");
    else if (Double.isInfinite(value)) out.append(value < 0 ? "-Infinity" : "Infinity");
    else if (value == Math.rint(value) && Math.abs(value) < 9.2e18) out.append((long) value);
    else out.append(Double.toHexString(value));
  }

  private static String shownOf(Object value) {
    StringBuilder out = new StringBuilder();
    show(out, value);
    return out.toString();
  }

  private static void sorted(StringBuilder out, java.util.List<String> entries) {
    java.util.Collections.sort(entries);
    out.append('{').append(String.join(",", entries)).append('}');
  }

  static void show(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Double || value instanceof Float) {
      number(out, ((Number) value).doubleValue());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      out.append(((Number) value).longValue());
    } else if (value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
      out.append(value);
    } else if (value instanceof Character) {
      out.append((int) (Character) value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof String) {
      out.append('"');
      for (char c : ((String) value).toCharArray()) {
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c >= 0x20 && c < 0x7f) out.append(c);
        else out.append(String.format("\\u%04x", (int) c));
      }
      out.append('"');
    } else if (value instanceof java.util.List) {
      out.append('[');
      boolean first = true;
      for (Object item : (java.util.List<?>) value) {
        if (!first) out.append(',');
        first = false;
        show(out, item);
      }
      out.append(']');
    } else if (value.getClass().isArray()) {
      out.append('[');
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        if (i > 0) out.append(',');
        show(out, java.lang.reflect.Array.get(value, i));
      }
      out.append(']');
    } else if (value instanceof java.util.Set) {
      java.util.List<String> entries = new java.util.ArrayList<>();
      for (Object item : (java.util.Set<?>) value) entries.add(shownOf(item));
      sorted(out, entries);
    } else if (value instanceof java.util.Map) {
      java.util.List<String> entries = new java.util.ArrayList<>();
      for (java.util.Map.Entry<?, ?> entry : ((java.util.Map<?, ?>) value).entrySet()) {
        entries.add(shownOf(entry.getKey()) + ":" + shownOf(entry.getValue()));
      }
      sorted(out, entries);
    } else if (value instanceof java.util.Optional) {
      java.util.Optional<?> optional = (java.util.Optional<?>) value;
      if (optional.isPresent()) {
        out.append("Optional[");
        show(out, optional.get());
        out.append(']');
      } else {
        out.append("Optional.empty");
      }
    } else if (value instanceof org.javatuples.Tuple) {
      out.append('(');
      boolean first = true;
      for (Object item : ((org.javatuples.Tuple) value).toList()) {
        if (!first) out.append(',');
        first = false;
        show(out, item);
      }
      out.append(')');
    } else {
      out.append('<').append(value.getClass().getName()).append('>');
    }
  }
}
