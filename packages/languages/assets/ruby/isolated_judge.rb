# frozen_string_literal: true

# passk's isolated judge for MultiPL-E Ruby programs: the benchmark's tests run in this process
# (A), the candidate's code in another (B, `isolated_candidate.rb`) that never sees the tests.
#
#   ruby isolated_judge.rb <file>        (environment: PASSK_JUDGE_TIMEOUT_MS, HOME outside the work directory)
#
# MultiPL-E runs `prompt + completion + tests` in one process, and takes exit code 0 as a pass, so
# a program can return an object whose == is always true, redefine Integer#==, replace Test::Unit's
# assertions, print Test::Unit's summary and leave, or read the expected values from its own file.
# Here:
#
# - A makes itself non-dumpable (no other process of the same user can ptrace it, read its memory
#   or open its descriptors through /proc), then reads <file>, splits
#   it at the benchmark's tests (the last line `require 'test/unit'` followed by
#   `class <Name> < Test::Unit::TestCase`) and removes the file. Without such a split the program
#   is judged by the reference rule alone (`strict` is null) and the file is left as it was.
# - B, started under a shell (so that its parent is not A) in a process group of its own, gets
#   the candidate part through a pipe, runs it as the top level of main.rb and serves calls; its
#   output goes nowhere. The tests run in A with Test::Unit; each name they take from the program
#   (`method(:add)`) is a private method of A's Object that calls B: arguments and results cross
#   as plain data (`isolated_plain_data.rb`), so equality is decided by A's own values and A's own
#   Integer#== and assert_equal, which B's code cannot reach.
# - When the tests are done (or PASSK_JUDGE_TIMEOUT_MS has passed), B's process group is killed,
#   what B left in the work directory is removed and <file> is written back (the judge leaves the
#   work directory as it found it). This judge runs after the reference run, in a fresh work area
#   (passk's `Step.freshFiles`: the program's files only, an empty /tmp), so nothing the reference
#   run left, such as a copy of the tests, is there for B to read.
# - A's stdout carries exactly one line, `__passk_rb_verdict__ {"strict": {"status", "detail"} | null}`,
#   written by A alone (B never holds A's stdout). A exits 0 whenever it could judge.
require 'fiddle'

# Non-dumpable before anything else (PR_SET_DUMPABLE = 4): the tests will be in this memory.
begin
  prctl = Fiddle::Function.new(
    Fiddle::Handle::DEFAULT['prctl'],
    [Fiddle::TYPE_INT, Fiddle::TYPE_LONG, Fiddle::TYPE_LONG, Fiddle::TYPE_LONG, Fiddle::TYPE_LONG],
    Fiddle::TYPE_INT,
  )
  raise 'prctl(PR_SET_DUMPABLE, 0) failed' unless prctl.call(4, 0, 0, 0, 0).zero?
end

require 'json'
require 'set'
require 'bigdecimal'
require 'stringio'
require 'rbconfig'
require 'fileutils'
require_relative 'isolated_plain_data'

# Process A.
module PasskIsolatedJudge
  VERDICT_MARK = '__passk_rb_verdict__ '
  CANDIDATE = File.expand_path('isolated_candidate.rb', __dir__)
  MAX_LINE_BYTES = 64 * 1024 * 1024
  TESTS_START = /\Arequire 'test\/unit'\r?\n\z/
  TEST_CLASS = /\Aclass [A-Z]\w* < Test::Unit::TestCase\s*\z/
  # Calls the tests make by name that may be the program's (`method(:add)`, a bare `add(…)`).
  NAMED = /\bmethod\(:([A-Za-z_]\w*[?!]?)\)/
  CALLED = /(?<![\w.:@$])([a-z_]\w*[?!]?)\(/

  class JudgeTimeout < StandardError; end
  class CandidateGone < StandardError; end

  module_function

  def main(file)
    out = STDOUT.dup
    STDOUT.reopen(STDERR)
    strict = judge(file)
    out.write("\n#{VERDICT_MARK}#{JSON.generate({ 'strict' => strict })}\n")
    out.flush
    exit!(0)
  end

  # The tests' outcome, or nil when the program has no test part to split off.
  def judge(file)
    timeout_ms = Integer(ENV.fetch('PASSK_JUDGE_TIMEOUT_MS', '10000'), exception: false) || 10_000
    @deadline = monotonic + (timeout_ms / 1000.0)
    source = File.binread(file).force_encoding(Encoding::UTF_8)
    split = split_program(source)
    return nil if split.nil?

    kept = Dir.children('.')
    File.delete(file)
    begin
      run_apart(*split)
    ensure
      stop_candidate
      (Dir.children('.') - kept).each { |name| FileUtils.rm_rf(name) }
      File.binwrite(file, source)
    end
  end

  # [candidate part, tests, first line of the tests], or nil.
  def split_program(source)
    lines = source.lines
    at = (0...(lines.size - 1)).reverse_each.find do |index|
      TESTS_START.match?(lines[index]) && TEST_CLASS.match?(lines[index + 1].to_s)
    end
    return nil if at.nil? || !source.valid_encoding?

    [lines[0...at].join, lines[at..].join, at + 1]
  end

  def run_apart(candidate, tests, line)
    start_candidate
    # While B starts: Test::Unit, from the system's gem directories only (HOME is not the work
    # directory), so nothing B could write is loaded.
    require 'test/unit'
    Test::Unit::AutoRunner.need_auto_run = false
    require 'test/unit/collector/descendant'
    require 'test/unit/ui/console/testrunner'
    names = (tests.scan(NAMED).flatten + tests.scan(CALLED).flatten).uniq
    loaded = ask({ 'load' => candidate, 'names' => names })
    if loaded.key?('error')
      error = loaded['error']
      return outcome('runtime_error', "the program's code did not run apart from its tests: #{error['class']}: #{error['message']}")
    end
    named = tests.scan(NAMED).flatten
    Array(loaded['names']).map(&:to_s).each do |name|
      next unless names.include?(name)
      # A builtin of A's own (assert_equal, method, puts) stays A's unless the tests take it by name.
      next if !named.include?(name) && Object.new.respond_to?(name, true)

      bind_proxy(name)
    end
    run_tests(tests, line)
  rescue JudgeTimeout
    outcome('timeout', 'the tests timed out')
  rescue CandidateGone, SystemCallError, IOError, JSON::ParserError => e
    outcome('runtime_error', "the program's process ended or broke the protocol (#{e.message})")
  end

  def run_tests(tests, line)
    TOPLEVEL_BINDING.eval(tests, 'main.rb', line)
    suite = Test::Unit::Collector::Descendant.new.collect('passk')
    result = Test::Unit::UI::Console::TestRunner.new(suite, output: StringIO.new, use_color: false).start
    return outcome('timeout', 'the tests timed out') if @timed_out
    return outcome('passed', result.summary) if result.passed? && result.run_count.positive?

    fault = result.faults.first
    detail = fault.nil? ? result.summary : "#{fault.class.name.split('::').last}: #{fault.message}"
    outcome(result.failure_count.positive? ? 'failed' : 'runtime_error', detail)
  end

  def outcome(status, detail)
    { 'status' => status, 'detail' => detail.to_s.encode('UTF-8', invalid: :replace, undef: :replace)[0, 300] }
  end

  # Object#<name> in A: a call to the program's <name> in B.
  def bind_proxy(name)
    judge = self
    Object.send(:define_method, name) do |*args, **kwargs|
      judge.call_candidate(name, args, kwargs)
    end
    Object.send(:private, name)
  end

  def call_candidate(name, args, kwargs)
    reply = ask({
      'call' => name,
      'args' => args.map { |arg| plain_argument(arg) },
      'kwargs' => kwargs.map { |key, value| [key.to_s, plain_argument(value)] },
    })
    raise rebuilt_error(reply['error']) if reply.key?('error')

    PasskPlainData.decode(reply['value'])
  end

  def plain_argument(value)
    form = PasskPlainData.encode(value)
    raise TypeError, "passk: #{value.class} cannot be passed to the program's process" if opaque_in?(form)

    form
  end

  def opaque_in?(form)
    case form
    when Hash then form.key?('o') || form.values.any? { |item| opaque_in?(item) }
    when Array then form.any? { |item| opaque_in?(item) }
    else false
    end
  end

  def rebuilt_error(error)
    error = {} unless error.is_a?(Hash)
    name = error['class'].to_s
    message = error['message'].to_s
    type = name.match?(/\A[A-Z]\w*(Error|Exception)\z/) && Object.const_defined?(name, false) ? Object.const_get(name, false) : nil
    return type.new(message) if type.is_a?(Class) && type <= StandardError && type != JudgeTimeout

    RuntimeError.new("#{name}: #{message}")
  end

  def start_candidate
    @commands_r, @commands = IO.pipe
    @answers, @answers_w = IO.pipe
    env = { 'HOME' => Dir.pwd, 'PASSK_JUDGE_TIMEOUT_MS' => nil }
    @pid = Process.spawn(
      env, '/bin/sh', '-c', '"$0" "$1"; exit $?', RbConfig.ruby, CANDIDATE,
      in: File::NULL, out: File::NULL, err: File::NULL, 3 => @commands_r, 4 => @answers_w,
      pgroup: true, close_others: true,
    )
    @commands_r.close
    @answers_w.close
    @buffer = String.new(encoding: Encoding::BINARY)
  end

  def stop_candidate
    return if @pid.nil?

    [@commands, @answers].each { |io| io.close rescue nil }
    begin
      Process.kill(:KILL, -@pid)
    rescue SystemCallError
      nil
    end
    Process.wait(@pid) rescue nil
    @pid = nil
  end

  def ask(message)
    raise JudgeTimeout if @timed_out

    @commands.write("#{JSON.generate(message)}\n")
    JSON.parse(read_line, max_nesting: PasskPlainData::MAX_DEPTH * 2 + 10)
  rescue Errno::EPIPE
    raise CandidateGone, "the program's process ended"
  end

  def read_line
    loop do
      at = @buffer.index("\n")
      return @buffer.slice!(0, at + 1).force_encoding(Encoding::UTF_8) unless at.nil?
      raise CandidateGone, 'an oversized answer' if @buffer.bytesize > MAX_LINE_BYTES

      left = @deadline - monotonic
      if left <= 0 || IO.select([@answers], nil, nil, left).nil?
        @timed_out = true
        raise JudgeTimeout
      end
      begin
        @buffer << @answers.read_nonblock(1 << 20)
      rescue IO::WaitReadable
        next
      rescue EOFError
        raise CandidateGone, "the program's process ended"
      end
    end
  end

  def monotonic = Process.clock_gettime(Process::CLOCK_MONOTONIC)
end

PasskIsolatedJudge.main(ARGV.fetch(0))
