// Entry point passk compiles next to a MultiPL-E C# program (mcs -main:PasskMain): runs the
// program's own Problem.Main, then prints the completion sentinel, which an early
// Environment.Exit never reaches.
class PasskMain {
    public static void Main(string[] args) {
        Problem.Main(args);
        System.Console.Out.Write("\n__passk_tests_completed__\n");
        System.Console.Out.Flush();
    }
}
