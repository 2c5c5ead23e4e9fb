# frozen_string_literal: true

# passk's isolated Ruby judge: the plain-data forms in which values cross between the judge (A,
# `isolated_judge.rb`) and the candidate's process (B, `isolated_candidate.rb`), one JSON document
# per line. Only plain values cross, each tagged with its type:
#
#   nil, true, false      as themselves        Integer   {"i": "<decimal>"} (bignums too)
#   Float                 {"f": "<16 hex digits of the IEEE double>"} (exact: -0.0, NaN, ±Infinity)
#   String                {"s": "<text>", "e": "<encoding>"} or {"x8": "<hex bytes>", "e": …}
#   Symbol                {"y": <string form>}  Array {"a": […]}  Hash {"h": [[k, v], …]}
#   Set                   {"set": […]}         Range {"r": [begin, end, exclude_end]}
#   Rational              {"q": [num, den]}    Complex {"c": [real, imaginary]}
#   BigDecimal            {"d": "<string>"}
#   anything else         {"o": "<class name>"}: an opaque value, equal to nothing but itself
#
# Subclasses become their base class (a String subclass whose == is rigged arrives as a plain
# String). Decoding builds only A's own core objects: nothing of B's code or classes reaches A.
module PasskPlainData
  MAX_DEPTH = 100

  # Core methods taken before any candidate code runs, so that the candidate's monkey patches
  # do not change how its values are read.
  KIND_OF = Kernel.instance_method(:kind_of?)
  CLASS_OF = Kernel.instance_method(:class)
  ARRAY_TO_A = Array.instance_method(:to_a)
  HASH_TO_A = Hash.instance_method(:to_a)
  STRING_ENCODING = String.instance_method(:encoding)
  STRING_VALID = String.instance_method(:valid_encoding?)
  STRING_UNPACK = String.instance_method(:unpack1)
  STRING_DUP = String.instance_method(:dup)
  STRING_FORCE = String.instance_method(:force_encoding)
  SYMBOL_NAME = Symbol.instance_method(:to_s)
  INTEGER_TO_S = Integer.instance_method(:to_s)
  FLOAT_PACK = Array.instance_method(:pack)
  ENCODING_NAME = Encoding.instance_method(:name)
  MODULE_NAME = Module.instance_method(:name)

  # An opaque value of the other process: equal only to itself, never true or false.
  class Opaque
    def initialize(kind)
      @kind = kind
    end

    def inspect = "#<opaque #{@kind}>"
    alias to_s inspect
  end

  module_function

  def kind?(value, type) = KIND_OF.bind_call(value, type)

  # The plain-data form of `value`.
  def encode(value, depth = 0)
    return value if kind?(value, NilClass) || kind?(value, TrueClass) || kind?(value, FalseClass)
    return { 'o' => 'too deep' } if depth > MAX_DEPTH

    down = depth + 1
    if kind?(value, Integer) then { 'i' => INTEGER_TO_S.bind_call(value) }
    elsif kind?(value, Float) then { 'f' => STRING_UNPACK.bind_call(FLOAT_PACK.bind_call([value], 'G'), 'H*') }
    elsif kind?(value, String) then encode_string(value)
    elsif kind?(value, Symbol) then { 'y' => encode_string(SYMBOL_NAME.bind_call(value)) }
    elsif kind?(value, Array) then { 'a' => ARRAY_TO_A.bind_call(value).map { |item| encode(item, down) } }
    elsif kind?(value, Hash)
      { 'h' => HASH_TO_A.bind_call(value).map { |key, item| [encode(key, down), encode(item, down)] } }
    else encode_other(value, down)
    end
  rescue StandardError, SystemStackError => error
    { 'o' => "unreadable (#{error.class})" }
  end

  def encode_string(value)
    encoding = ENCODING_NAME.bind_call(STRING_ENCODING.bind_call(value))
    if STRING_VALID.bind_call(value) && %w[UTF-8 US-ASCII].include?(encoding)
      { 's' => STRING_FORCE.bind_call(STRING_DUP.bind_call(value), Encoding::UTF_8), 'e' => encoding }
    else
      { 'x8' => STRING_UNPACK.bind_call(value, 'H*'), 'e' => encoding }
    end
  end

  def encode_other(value, down)
    if defined?(::Set) && kind?(value, ::Set) then { 'set' => value.to_a.map { |item| encode(item, down) } }
    elsif kind?(value, Range) then { 'r' => [encode(value.begin, down), encode(value.end, down), value.exclude_end?] }
    elsif kind?(value, Rational) then { 'q' => [encode(value.numerator, down), encode(value.denominator, down)] }
    elsif kind?(value, Complex) then { 'c' => [encode(value.real, down), encode(value.imaginary, down)] }
    elsif defined?(::BigDecimal) && kind?(value, ::BigDecimal) then { 'd' => value.to_s }
    else { 'o' => String(MODULE_NAME.bind_call(CLASS_OF.bind_call(value)) || 'anonymous class') }
    end
  end

  # The value of a plain-data form, built from core classes only; a malformed form is opaque.
  def decode(form, depth = 0)
    return form if form.nil? || form == true || form == false
    return Opaque.new('malformed') unless form.is_a?(Hash) && depth <= MAX_DEPTH

    down = depth + 1
    if form.key?('i') then Integer(form['i'].to_s, 10)
    elsif form.key?('f') then [form['f'].to_s].pack('H*').unpack1('G')
    elsif form.key?('s') then String.new(form['s'].to_s, encoding: Encoding.find(form['e'].to_s))
    elsif form.key?('x8') then [form['x8'].to_s].pack('H*').force_encoding(Encoding.find(form['e'].to_s))
    elsif form.key?('y') then decode(form['y'], down).to_sym
    elsif form.key?('a') then list(form['a']).map { |item| decode(item, down) }
    elsif form.key?('h') then list(form['h']).to_h { |pair| list(pair).first(2).map { |item| decode(item, down) } }
    elsif form.key?('set') then Set.new(list(form['set']).map { |item| decode(item, down) })
    elsif form.key?('r')
      first, last, exclusive = list(form['r'])
      Range.new(decode(first, down), decode(last, down), exclusive == true)
    elsif form.key?('q') then Rational(*list(form['q']).first(2).map { |item| decode(item, down) })
    elsif form.key?('c') then Complex(*list(form['c']).first(2).map { |item| decode(item, down) })
    elsif form.key?('d') then BigDecimal(form['d'].to_s)
    else Opaque.new(form['o'].to_s[0, 100])
    end
  rescue StandardError, SystemStackError => error
    Opaque.new("undecodable (#{error.class})")
  end

  def list(value)
    raise TypeError, 'not a list' unless value.is_a?(Array)

    value
  end
end
