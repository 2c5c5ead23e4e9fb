// passk's output judge for Rust (appended to both judge programs; see rust-output-judge.ts).
// `__passk_show(&value)` prints a value in a canonical form: two values print the same exactly
// when `==` says they are equal (floats: -0.0 as 0.0; sets and maps: entries sorted by their
// printed key, since HashMap's iteration order changes from one process to the next).
// `__passk_write(&values)` writes them as a JSON array of strings to passk-values.json.
// Every path is absolute (`::std::…`, `crate::…`): a macro or trait of the program around it
// cannot take the place of these.

#[doc(hidden)]
pub trait __PasskShow {
    fn __passk_show(&self, out: &mut ::std::string::String);
}

#[doc(hidden)]
pub fn __passk_show<T: ?Sized + crate::__PasskShow>(value: &T) -> ::std::string::String {
    let mut out = ::std::string::String::new();
    crate::__PasskShow::__passk_show(value, &mut out);
    out
}

fn __passk_list<'a, T: 'a + ?Sized + crate::__PasskShow, I: ::std::iter::Iterator<Item = &'a T>>(
    items: I,
    open: &str,
    close: &str,
    out: &mut ::std::string::String,
) {
    out.push_str(open);
    let mut first = true;
    for item in items {
        if !first {
            out.push_str(", ");
        }
        first = false;
        crate::__PasskShow::__passk_show(item, out);
    }
    out.push_str(close);
}

fn __passk_sorted(mut entries: ::std::vec::Vec<::std::string::String>, out: &mut ::std::string::String) {
    <[::std::string::String]>::sort(&mut entries);
    out.push('{');
    out.push_str(&<[::std::string::String]>::join(&entries, ", "));
    out.push('}');
}

macro_rules! __passk_integers {
    ($($t:ty)*) => {$(
        impl crate::__PasskShow for $t {
            fn __passk_show(&self, out: &mut ::std::string::String) {
                out.push_str(&::std::string::ToString::to_string(self));
            }
        }
    )*};
}
__passk_integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! __passk_floats {
    ($($t:ty)*) => {$(
        impl crate::__PasskShow for $t {
            fn __passk_show(&self, out: &mut ::std::string::String) {
                let value: $t = if *self == 0.0 { 0.0 } else { *self };
                out.push_str(&::std::format!("{:?}", value));
            }
        }
    )*};
}
__passk_floats!(f32 f64);

impl crate::__PasskShow for bool {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl crate::__PasskShow for char {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        out.push_str(&::std::format!("{:?}", self));
    }
}

impl crate::__PasskShow for str {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        out.push_str(&::std::format!("{:?}", self));
    }
}

impl crate::__PasskShow for ::std::string::String {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__PasskShow::__passk_show(::std::string::String::as_str(self), out);
    }
}

impl crate::__PasskShow for () {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        out.push_str("()");
    }
}

impl<'a, T: ?Sized + crate::__PasskShow> crate::__PasskShow for &'a T {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__PasskShow::__passk_show(*self, out);
    }
}

impl<'a, T: ?Sized + crate::__PasskShow> crate::__PasskShow for &'a mut T {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__PasskShow::__passk_show(&**self, out);
    }
}

impl<T: ?Sized + crate::__PasskShow> crate::__PasskShow for ::std::boxed::Box<T> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__PasskShow::__passk_show(&**self, out);
    }
}

impl<'a, B: ?Sized + ::std::borrow::ToOwned + crate::__PasskShow> crate::__PasskShow for ::std::borrow::Cow<'a, B> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__PasskShow::__passk_show(&**self, out);
    }
}

impl<T: crate::__PasskShow> crate::__PasskShow for [T] {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_list(<[T]>::iter(self), "[", "]", out);
    }
}

impl<T: crate::__PasskShow, const N: usize> crate::__PasskShow for [T; N] {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_list(<[T]>::iter(self), "[", "]", out);
    }
}

impl<T: crate::__PasskShow> crate::__PasskShow for ::std::vec::Vec<T> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_list(<[T]>::iter(self), "[", "]", out);
    }
}

impl<T: crate::__PasskShow> crate::__PasskShow for ::std::collections::VecDeque<T> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_list(::std::collections::VecDeque::iter(self), "[", "]", out);
    }
}

impl<T: crate::__PasskShow> crate::__PasskShow for ::std::option::Option<T> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        match *self {
            ::std::option::Option::Some(ref value) => {
                out.push_str("Some(");
                crate::__PasskShow::__passk_show(value, out);
                out.push(')');
            }
            ::std::option::Option::None => out.push_str("None"),
        }
    }
}

impl<T: crate::__PasskShow, E: crate::__PasskShow> crate::__PasskShow for ::std::result::Result<T, E> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        match *self {
            ::std::result::Result::Ok(ref value) => {
                out.push_str("Ok(");
                crate::__PasskShow::__passk_show(value, out);
            }
            ::std::result::Result::Err(ref error) => {
                out.push_str("Err(");
                crate::__PasskShow::__passk_show(error, out);
            }
        }
        out.push(')');
    }
}

macro_rules! __passk_tuples {
    ($(($($name:ident)+))*) => {$(
        #[allow(non_snake_case)]
        impl<$($name: crate::__PasskShow),+> crate::__PasskShow for ($($name,)+) {
            fn __passk_show(&self, out: &mut ::std::string::String) {
                let ($(ref $name,)+) = *self;
                let mut parts: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();
                $(::std::vec::Vec::push(&mut parts, crate::__passk_show($name));)+
                out.push('(');
                out.push_str(&<[::std::string::String]>::join(&parts, ", "));
                out.push(')');
            }
        }
    )*};
}
__passk_tuples!((A) (A B) (A B C) (A B C D) (A B C D E) (A B C D E F) (A B C D E F G) (A B C D E F G H));

fn __passk_map<'a, K: 'a + crate::__PasskShow, V: 'a + crate::__PasskShow, I: ::std::iter::Iterator<Item = (&'a K, &'a V)>>(
    entries: I,
    out: &mut ::std::string::String,
) {
    let mut shown = ::std::vec::Vec::new();
    for (key, value) in entries {
        let entry = ::std::format!("{}: {}", crate::__passk_show(key), crate::__passk_show(value));
        ::std::vec::Vec::push(&mut shown, entry);
    }
    crate::__passk_sorted(shown, out);
}

fn __passk_set<'a, T: 'a + crate::__PasskShow, I: ::std::iter::Iterator<Item = &'a T>>(
    items: I,
    out: &mut ::std::string::String,
) {
    let mut shown = ::std::vec::Vec::new();
    for item in items {
        ::std::vec::Vec::push(&mut shown, crate::__passk_show(item));
    }
    crate::__passk_sorted(shown, out);
}

impl<K: crate::__PasskShow, V: crate::__PasskShow, S> crate::__PasskShow for ::std::collections::HashMap<K, V, S> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_map(::std::collections::HashMap::iter(self), out);
    }
}

impl<K: crate::__PasskShow, V: crate::__PasskShow> crate::__PasskShow for ::std::collections::BTreeMap<K, V> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_map(::std::collections::BTreeMap::iter(self), out);
    }
}

impl<T: crate::__PasskShow, S> crate::__PasskShow for ::std::collections::HashSet<T, S> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_set(::std::collections::HashSet::iter(self), out);
    }
}

impl<T: crate::__PasskShow> crate::__PasskShow for ::std::collections::BTreeSet<T> {
    fn __passk_show(&self, out: &mut ::std::string::String) {
        crate::__passk_set(::std::collections::BTreeSet::iter(self), out);
    }
}

#[doc(hidden)]
pub fn __passk_write(values: &[::std::string::String]) {
    let mut json = ::std::string::String::from("[");
    for (index, value) in ::std::iter::Iterator::enumerate(<[::std::string::String]>::iter(values)) {
        if index > 0 {
            json.push(',');
        }
        json.push('"');
        for c in ::std::primitive::str::chars(value) {
            match c {
                '"' => json.push_str("\\\""),
                '\\' => json.push_str("\\\\"),
                c if (c as u32) < 0x20 => json.push_str(&::std::format!("\\u{:04x}", c as u32)),
                c => json.push(c),
            }
        }
        json.push('"');
    }
    json.push(']');
    if let ::std::result::Result::Err(error) = ::std::fs::write("passk-values.json", json) {
        ::std::panic!("passk: cannot write passk-values.json: {}", error);
    }
}
