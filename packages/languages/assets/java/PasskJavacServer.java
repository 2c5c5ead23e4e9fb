import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * passk's warm Java compiler: a {@code passk-fork-v1} step server (see
 * packages/core/src/execution/fork-protocol.ts) for {@code javac} steps.
 *
 * <p>Usage: {@code java -cp <dir> PasskJavacServer <path of the javac the steps name>}
 *
 * <p>Each request runs the JDK's own {@code javac} entry point in this JVM, which stays warm
 * (loaded and JIT-compiled), instead of starting a JVM per sample: the same compiler, arguments,
 * class files and exit code. File arguments are made absolute against the request's work
 * directory and the work directory is removed again from the diagnostics, so they read as a
 * spawned {@code javac} prints them. A compile that passes its time limit is answered as a
 * timeout and the server exits (the executor starts a new one). Requests for another javac,
 * or with options that read files ({@code @argfiles}) or pass JVM flags ({@code -J}), are
 * declined, and the executor spawns {@code javac} instead.
 */
public final class PasskJavacServer {
  private static final int TAIL_BYTES = 4096;

  private PasskJavacServer() {}

  public static void main(String[] args) throws Exception {
    Path javac = Paths.get(args[0]).toRealPath();
    Path home = Paths.get(System.getProperty("java.home")).toRealPath();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "passk-javac");
              thread.setDaemon(true);
              return thread;
            });
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    BufferedReader input =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = input.readLine()) != null) {
      Map<String, Object> request = Json.object(line);
      Object id = request.get("id");
      List<String> argv = Json.strings(request.get("argv"));
      String cwd = request.get("cwd") instanceof String ? (String) request.get("cwd") : null;
      List<String> compileArgs =
          argv == null || cwd == null || compiler == null || !sameJdk(argv, javac, home)
              ? null
              : absolute(argv.subList(1, argv.size()), Paths.get(cwd));
      if (compileArgs == null) {
        protocol.println(
            "{\"id\":" + Json.number(id) + ",\"error\":\"not a javac step of this JDK\"}");
        continue;
      }
      long timeoutMs = ((Number) request.get("timeout_ms")).longValue();
      long maxOutput = ((Number) request.get("max_output_bytes")).longValue();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      long started = System.nanoTime();
      Future<Integer> compile =
          worker.submit(
              () ->
                  compiler.run(
                      null,
                      stdout,
                      stderr,
                      compileArgs.toArray(new String[0])));
      Integer exit;
      boolean timedOut = false;
      try {
        exit = compile.get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        exit = null;
        timedOut = true;
      } catch (Exception e) {
        protocol.println(
            "{\"id\":" + Json.number(id) + ",\"error\":\"javac failed in-process\"}");
        continue;
      }
      double durationMs = (System.nanoTime() - started) / 1e6;
      String prefix = Paths.get(cwd).toString() + "/";
      byte[] out = stdout.toString(StandardCharsets.UTF_8).replace(prefix, "").getBytes(StandardCharsets.UTF_8);
      byte[] err = stderr.toString(StandardCharsets.UTF_8).replace(prefix, "").getBytes(StandardCharsets.UTF_8);
      boolean overflow = !timedOut && (out.length > maxOutput || err.length > maxOutput);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("id", id);
      response.put("exit_code", timedOut || overflow ? null : exit);
      response.put("signal", timedOut || overflow ? "SIGKILL" : null);
      response.put("timed_out", timedOut);
      response.put("output_limit_exceeded", overflow);
      response.put("duration_ms", durationMs);
      response.put("stdout_tail", tail(out));
      response.put("stderr_tail", tail(err));
      response.put("stdout_bytes", out.length);
      response.put("stderr_bytes", err.length);
      protocol.println(Json.write(response));
      if (timedOut) {
        protocol.flush();
        System.exit(0);
      }
    }
  }

  private static boolean sameJdk(List<String> argv, Path javac, Path home) {
    if (argv.isEmpty()) return false;
    try {
      Path requested = Paths.get(argv.get(0)).toRealPath();
      return requested.equals(javac) && requested.startsWith(home);
    } catch (Exception e) {
      return false;
    }
  }

  /** The arguments with every path made absolute; null when they hold something unsupported. */
  private static List<String> absolute(List<String> args, Path cwd) {
    List<String> result = new ArrayList<>();
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index);
      if (arg.startsWith("@") || arg.startsWith("-J")) return null;
      if (arg.equals("-d") || arg.equals("-cp") || arg.equals("-classpath")
          || arg.equals("--class-path")) {
        if (index + 1 >= args.size()) return null;
        result.add(arg);
        String value = args.get(++index);
        List<String> parts = new ArrayList<>();
        for (String part : value.split(":", -1)) parts.add(cwd.resolve(part).normalize().toString());
        result.add(String.join(":", parts));
      } else if (arg.equals("-encoding")) {
        if (index + 1 >= args.size()) return null;
        result.add(arg);
        result.add(args.get(++index));
      } else if (arg.startsWith("-")) {
        return null;
      } else {
        result.add(cwd.resolve(arg).normalize().toString());
      }
    }
    return result;
  }

  private static String tail(byte[] bytes) {
    int from = Math.max(0, bytes.length - TAIL_BYTES);
    byte[] last = new byte[bytes.length - from];
    System.arraycopy(bytes, from, last, 0, last.length);
    return Base64.getEncoder().encodeToString(last);
  }

  /** The JSON this protocol needs: objects, arrays, strings, numbers, booleans, null. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
      Object value = new Json(text).value();
      return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    static List<String> strings(Object value) {
      if (!(value instanceof List)) return null;
      List<String> result = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (!(item instanceof String)) return null;
        result.add((String) item);
      }
      return result;
    }

    static String number(Object value) {
      return value instanceof Number ? write(value) : "null";
    }

    static String write(Object value) {
      if (value == null) return "null";
      if (value instanceof Boolean) return value.toString();
      if (value instanceof Double) {
        double number = (Double) value;
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
      }
      if (value instanceof Number) return value.toString();
      if (value instanceof Map) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          if (out.length() > 1) out.append(',');
          out.append(write(entry.getKey().toString())).append(':').append(write(entry.getValue()));
        }
        return out.append('}').toString();
      }
      StringBuilder out = new StringBuilder("\"");
      for (char c : value.toString().toCharArray()) {
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
      return out.append('"').toString();
    }

    private Object value() {
      skip();
      char c = text.charAt(at);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skip();
        if (text.charAt(at) == '}') {
          at++;
          return map;
        }
        while (true) {
          skip();
          String key = (String) value();
          skip();
          at++; // ':'
          map.put(key, value());
          skip();
          if (text.charAt(at++) == '}') return map;
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        at++;
        skip();
        if (text.charAt(at) == ']') {
          at++;
          return list;
        }
        while (true) {
          list.add(value());
          skip();
          if (text.charAt(at++) == ']') return list;
        }
      }
      if (c == '"') {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
          char d = text.charAt(at++);
          if (d == '"') return out.toString();
          if (d != '\\') {
            out.append(d);
            continue;
          }
          char e = text.charAt(at++);
          switch (e) {
            case 'n': out.append('\n'); break;
            case 't': out.append('\t'); break;
            case 'r': out.append('\r'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'u':
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              at += 4;
              break;
            default: out.append(e);
          }
        }
      }
      if (text.startsWith("true", at)) {
        at += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
      return Double.parseDouble(text.substring(start, at));
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }
  }
}
