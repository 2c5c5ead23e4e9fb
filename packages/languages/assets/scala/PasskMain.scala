// Entry point passk compiles next to a MultiPL-E Scala program: runs the program's own
// Problem.main, then prints the completion sentinel, which an early sys.exit never reaches.
object PasskMain {
  def main(args: Array[String]): Unit = {
    Problem.main(args)
    System.out.print("\n__passk_tests_completed__\n")
    System.out.flush()
  }
}
