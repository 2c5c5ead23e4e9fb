import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * passk completion evidence for Java test programs.
 *
 * <p>{@code java PasskMain <Class> [args...]} runs {@code <Class>.main(args)} and, only when it
 * returns, prints the completion sentinel on a line of its own. An exception from the test
 * program propagates unchanged (the JVM prints it and exits with status 1, as it would without
 * this class); {@code System.exit(0)} before the tests end leaves no sentinel.
 */
public final class PasskMain {
  private PasskMain() {}

  public static void main(String[] args) throws Throwable {
    Class<?> target = Class.forName(args[0]);
    Method main = target.getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    System.out.flush();
    System.out.print("\n__passk_tests_completed__\n");
    System.out.flush();
  }
}
