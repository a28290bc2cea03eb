//! Vietnam's administrative units, before and after the reorganisation of
//! 1 July 2025, embedded from `data/gazetteer.tsv` (see its header for the
//! source and licence; `scripts/gen_gazetteer.py` regenerates it).
//!
//! Names are indexed by a key that folds tones, case, spaces, hyphens and
//! apostrophes, so `Đa Krông`/`Đakrông`, `Hoà Bình`/`Hòa Bình` and
//! `Thừa Thiên - Huế`/`Thừa Thiên Huế` find the same units. Codes are
//! reused across eras (15 is Yên Bái before and Lào Cai after), so a unit
//! is keyed by era, level and code.

use crate::error::Error;
use crate::normalize::fold_key;
use crate::record::Level;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::PathBuf;
use std::sync::LazyLock;

/// Before or after the 2025 reorganisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Era {
    /// 63 provinces, districts, communes (in force until 30 June 2025).
    Before2025,
    /// 34 provinces and communes, no districts (from 1 July 2025).
    From2025,
}

/// One administrative unit. Its text borrows the embedded gazetteer (a
/// gazetteer read from a user's file owns its text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its era.
    pub era: Era,
    /// Its level.
    pub level: Level,
    /// Official code.
    pub code: Cow<'static, str>,
    /// Unit word (`tỉnh`, `huyện`, `phường`, ...).
    pub unit: Cow<'static, str>,
    /// Official name without the unit word.
    pub name: Cow<'static, str>,
    /// Code of the unit it belongs to (none for provinces).
    pub parent: Option<Cow<'static, str>>,
    /// Code of its province.
    pub province: Cow<'static, str>,
    /// For communes before 2025: the codes of the communes they became.
    pub successors: Vec<Cow<'static, str>>,
}

/// The gazetteer: units and their name index.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    units: Vec<Unit>,
    by_name: HashMap<String, Vec<usize>, FastHash>,
    by_code: HashMap<(Era, bool, CodeKey), usize, FastHash>,
}

/// FNV-1a: the keys are short names and codes that no adversary chooses
/// (the gazetteer is ours or the user's own), and SipHash made loading the
/// gazetteer a large part of starting up.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastHash = BuildHasherDefault<Fnv>;

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    // Borrowed: fourteen thousand rows read at every start, with no copy.
    Gazetteer::parse(include_str!("../data/gazetteer.tsv"), Cow::Borrowed)
        .expect("the embedded gazetteer parses (tested)")
});

/// Written variants of names that folding does not reach: (variant, official name).
const ALIASES: &[(&str, &str)] = &[
    ("HCM", "Hồ Chí Minh"),
    ("TPHCM", "Hồ Chí Minh"),
    ("Sài Gòn", "Hồ Chí Minh"),
    ("BR-VT", "Bà Rịa - Vũng Tàu"),
    ("BRVT", "Bà Rịa - Vũng Tàu"),
    ("Thừa Thiên", "Thừa Thiên Huế"),
];

/// A code as a map key without allocating: its length (codes of different
/// levels have different lengths) and its value.
type CodeKey = (usize, u64);

fn code_key(code: &str) -> CodeKey {
    let value = code
        .bytes()
        .fold(0u64, |v, b| v.wrapping_mul(256).wrapping_add(u64::from(b)));
    (code.len(), value)
}

/// [`ALIASES`] by folded variant.
static ALIAS_KEYS: LazyLock<HashMap<String, &'static str>> =
    LazyLock::new(|| ALIASES.iter().map(|(a, o)| (fold_key(a), *o)).collect());

fn level_of(s: &str) -> Option<Level> {
    Some(match s {
        "province" => Level::Province,
        "municipality" => Level::Municipality,
        "city" => Level::City,
        "district" => Level::District,
        "urban_district" => Level::UrbanDistrict,
        "town" => Level::Town,
        "commune" => Level::Commune,
        "ward" => Level::Ward,
        "township" => Level::Township,
        "special_zone" => Level::SpecialZone,
        _ => return None,
    })
}

/// Whether a level is a province or centrally run city.
pub fn is_provincial(level: Level) -> bool {
    matches!(level, Level::Province | Level::Municipality)
}

impl Gazetteer {
    /// The gazetteer shipped with anninh.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Parses the TSV format of `data/gazetteer.tsv`. Errors name the line.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, Error> {
        Gazetteer::parse(text, |s| Cow::Owned(s.to_string()))
    }

    /// [`Gazetteer::from_tsv`], each field taken by `field` (borrowed from
    /// static text, or copied).
    fn parse<'t>(
        text: &'t str,
        field: impl Fn(&'t str) -> Cow<'static, str>,
    ) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::default();
        let rows = text.bytes().filter(|&b| b == b'\n').count();
        g.units.reserve(rows);
        g.by_name.reserve(rows);
        g.by_code.reserve(rows);
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| Error::Parse {
                path: PathBuf::from("gazetteer"),
                message: format!("line {}: {message}", n + 1),
            };
            // Columns split at tab bytes (ASCII, so every cut is a
            // character boundary): fourteen thousand rows are read at
            // every start, and a byte loop is cheaper than a char search.
            let mut c = [""; 8];
            let mut n_cols = 0;
            let mut from = 0;
            for (i, b) in line.bytes().enumerate().chain([(line.len(), b'\t')]) {
                if b == b'\t' {
                    c[n_cols] = &line[from..i];
                    n_cols += 1;
                    from = i + 1;
                    if n_cols == 8 {
                        break;
                    }
                }
            }
            if n_cols < 7 {
                return Err(bad("expected 8 tab-separated columns"));
            }
            let era = match c[0] {
                "2019" => Era::Before2025,
                "2025" => Era::From2025,
                _ => return Err(bad("era must be 2019 or 2025")),
            };
            let level = level_of(c[1]).ok_or_else(|| bad("unknown level"))?;
            if c[2].is_empty() || c[4].is_empty() {
                return Err(bad("empty code or name"));
            }
            g.push(Unit {
                era,
                level,
                code: field(c[2]),
                unit: field(c[3]),
                name: field(c[4]),
                parent: (!c[5].is_empty()).then(|| field(c[5])),
                province: field(c[6]),
                successors: c
                    .get(7)
                    .map(|s| s.split(',').filter(|x| !x.is_empty()).map(&field).collect())
                    .unwrap_or_default(),
            });
        }
        Ok(g)
    }

    /// Reads a gazetteer in the TSV format from any reader.
    pub fn from_reader(reader: impl std::io::Read) -> Result<Gazetteer, Error> {
        Gazetteer::from_tsv(&crate::input::read_all(reader, "gazetteer")?)
    }

    fn push(&mut self, u: Unit) {
        let i = self.units.len();
        self.by_name.entry(fold_key(&u.name)).or_default().push(i);
        self.by_code
            .insert((u.era, is_provincial(u.level), code_key(&u.code)), i);
        self.units.push(u);
    }

    /// All units.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Units whose name folds like `name` (aliases included).
    pub fn lookup(&self, name: &str) -> Vec<&Unit> {
        self.lookup_key(&fold_key(name))
    }

    /// Units whose folded name is `key` (see [`fold_key`]; aliases included).
    pub fn lookup_key(&self, key: &str) -> Vec<&Unit> {
        let mut out: Vec<&Unit> = self
            .by_name
            .get(key)
            .map(|v| v.iter().map(|&i| &self.units[i]).collect())
            .unwrap_or_default();
        if let Some(official) = ALIAS_KEYS.get(key) {
            out.extend(self.lookup_exact(official));
        }
        out
    }

    /// Whether [`Gazetteer::lookup_key`] finds anything for `key`.
    pub(crate) fn knows_key(&self, key: &str) -> bool {
        self.by_name.contains_key(key) || ALIAS_KEYS.contains_key(key)
    }

    fn lookup_exact(&self, name: &str) -> Vec<&Unit> {
        self.by_name
            .get(&fold_key(name))
            .map(|v| v.iter().map(|&i| &self.units[i]).collect())
            .unwrap_or_default()
    }

    /// The official name an alias stands for (`HCM` → `Hồ Chí Minh`).
    pub fn official_name(&self, name: &str) -> Option<&'static str> {
        ALIAS_KEYS.get(&fold_key(name)).copied()
    }

    /// The province (or centrally run city) a unit belongs to.
    pub fn province_of(&self, unit: &Unit) -> Option<&Unit> {
        self.by_code
            .get(&(unit.era, true, code_key(&unit.province)))
            .map(|&i| &self.units[i])
    }

    /// The unit a unit belongs to directly.
    pub fn parent_of(&self, unit: &Unit) -> Option<&Unit> {
        let parent = unit.parent.as_ref()?;
        // A commune's parent is a district (before 2025) or a province.
        let key = code_key(parent);
        self.by_code
            .get(&(unit.era, false, key))
            .or_else(|| self.by_code.get(&(unit.era, true, key)))
            .map(|&i| &self.units[i])
            .filter(|p| p.code == *parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_eras_are_complete() {
        let g = Gazetteer::embedded();
        let count = |era: Era, f: fn(Level) -> bool| {
            g.units()
                .iter()
                .filter(|u| u.era == era && f(u.level))
                .count()
        };
        assert_eq!(count(Era::Before2025, is_provincial), 63);
        assert_eq!(count(Era::From2025, is_provincial), 34);
        assert_eq!(
            count(Era::Before2025, |l| matches!(
                l,
                Level::District | Level::UrbanDistrict | Level::Town | Level::City
            )),
            696
        );
        assert_eq!(
            count(Era::Before2025, |l| matches!(
                l,
                Level::Commune | Level::Ward | Level::Township
            )),
            10035
        );
        assert_eq!(
            count(Era::From2025, |l| matches!(
                l,
                Level::Commune | Level::Ward | Level::SpecialZone
            )),
            3321
        );
    }

    #[test]
    fn names_fold_across_spellings() {
        let g = Gazetteer::embedded();
        let dakrong: Vec<_> = g
            .lookup("Đakrông")
            .into_iter()
            .filter(|u| u.level == Level::District)
            .collect();
        assert_eq!(dakrong.len(), 1);
        assert_eq!(g.province_of(dakrong[0]).unwrap().name, "Quảng Trị");
        assert!(
            g.lookup("Cẩm Thuỷ")
                .iter()
                .any(|u| u.level == Level::District)
        );
        assert!(
            g.lookup("Thừa Thiên - Huế")
                .iter()
                .any(|u| u.level == Level::Province)
        );
        assert!(
            g.lookup("HCM")
                .iter()
                .any(|u| u.level == Level::Municipality)
        );
    }

    #[test]
    fn codes_are_reused_across_eras() {
        let g = Gazetteer::embedded();
        let fifteen: Vec<_> = g
            .units()
            .iter()
            .filter(|u| u.code == "15" && is_provincial(u.level))
            .map(|u| (u.era, &*u.name))
            .collect();
        assert!(fifteen.contains(&(Era::Before2025, "Yên Bái")));
        assert!(fifteen.contains(&(Era::From2025, "Lào Cai")));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let err = Gazetteer::from_tsv("# header\n2019\tprovince\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
