# frozen_string_literal: true

# passk's isolated Ruby judge, process B: the candidate's part of a MultiPL-E Ruby program,
# without the benchmark's tests. Started by `isolated_judge.rb` (A) with fd 3 (A's commands) and
# fd 4 (its answers) as its only channel; stdin, stdout and stderr are /dev/null. One JSON
# document per line (forms: `isolated_plain_data.rb`):
#
#   A → B  {"load": code, "names": [...]}   run the candidate part at the top level (as main.rb),
#                                           then load Test::Unit as the reference run's tests do
#   B → A  {"names": [...]}                 those of the names it defined or redefined
#   A → B  {"call": name, "args": [forms], "kwargs": [[name, form], …]}
#   B → A  {"value": form} | {"error": {"class", "message"}}
#
# What B answers is the candidate's answer, whatever the candidate does to B: A decodes it into
# its own plain values, so no object of B's (its ==, coerce, to_str …) reaches the tests.
require 'json'
require_relative 'isolated_plain_data'

# B's loop, in a module so that the candidate's top-level code sees none of its variables.
module PasskIsolatedCandidate
  GENERATE = JSON.method(:generate)
  PARSE = JSON.method(:parse)
  MAIN = TOPLEVEL_BINDING.receiver
  METHOD = Kernel.instance_method(:method)
  REQUIRE = Kernel.instance_method(:require)
  # What the reference run has loaded when the tests call the program's functions (after its
  # top-level code): Test::Unit and its runner, with what they load (optparse, English,
  # power_assert …), which a function may use without requiring it.
  TEST_LIBRARIES = %w[test/unit test/unit/collector/descendant test/unit/ui/console/testrunner].freeze

  module_function

  def serve
    commands = IO.new(3, 'r')
    answers = IO.new(4, 'w')
    answers.sync = true
    watch_parent
    while (line = commands.gets)
      reply = begin
        answer(PARSE.call(line))
      rescue Exception => e # rubocop:disable Lint/RescueException -- the candidate's error, any kind
        { 'error' => error_form(e) }
      end
      answers.write("#{GENERATE.call(reply)}\n")
    end
  rescue Exception # rubocop:disable Lint/RescueException -- A went away, or the channel broke
    nil
  ensure
    exit!(0)
  end

  # Ends B when its parent does (A killed, the shell between them gone).
  def watch_parent
    parent = Process.ppid
    Thread.new do
      loop do
        sleep 0.2
        exit!(0) if Process.ppid != parent
      end
    end
  end

  def answer(message)
    return { 'names' => load(message['load'].to_s, Array(message['names']).map(&:to_s)) } if message.key?('load')

    target = METHOD.bind_call(MAIN, message['call'].to_s)
    args = Array(message['args']).map { |form| PasskPlainData.decode(form) }
    kwargs = Array(message['kwargs']).to_h { |name, form| [name.to_s.to_sym, PasskPlainData.decode(form)] }
    { 'value' => PasskPlainData.encode(target.call(*args, **kwargs)) }
  end

  # Runs `code` as the top level of main.rb; returns the names among `names` it (re)defined.
  def load(code, names)
    before = names.to_h { |name| [name, lookup(name)] }
    $PROGRAM_NAME = 'main.rb'
    TOPLEVEL_BINDING.eval(code, 'main.rb', 1)
    TEST_LIBRARIES.each { |library| REQUIRE.bind_call(MAIN, library) }
    Test::Unit::AutoRunner.need_auto_run = false
    names.select do |name|
      found = lookup(name)
      !found.nil? && found != before[name]
    end
  end

  def lookup(name)
    METHOD.bind_call(MAIN, name).unbind
  rescue NameError
    nil
  end

  def error_form(error)
    name = (Module.instance_method(:name).bind_call(Kernel.instance_method(:class).bind_call(error)) rescue nil)
    message = (String(error.message).encode('UTF-8', invalid: :replace, undef: :replace) rescue '<unprintable>')
    { 'class' => String(name), 'message' => message[0, 500] }
  end
end

PasskIsolatedCandidate.serve
