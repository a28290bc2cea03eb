//! Vietnamese numerals: digits in Vietnamese notation and numbers in words.
//!
//! `.` groups thousands (`16.300`, `241.460`), `,` is the decimal mark
//! (`1,5`), leading zeros are style (`05`). Scale words multiply (`2 triệu`,
//! `1,2 tỷ`, `3 triệu 500 nghìn`). Words count too: `hai mươi mốt`, `một
//! trăm linh năm`, `ba nghìn`, `nửa triệu`.

/// Parses a number written in digits, Vietnamese style (`16.300` is
/// 16300, `1,5` is 1.5, `05` is 5).
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut digits = String::new();
    let groups: Vec<&str> = int.split('.').collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    let mut frac_part = frac.map(str::to_string);
    if groups.len() > 1 && !thousands {
        // `1.5`: a decimal point, not grouping.
        if groups.len() != 2 || frac.is_some() {
            return None;
        }
        digits.push_str(groups[0]);
        frac_part = Some(groups[1].to_string());
    } else {
        for g in &groups {
            digits.push_str(g);
        }
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut text = digits;
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(&f);
    }
    text.parse().ok()
}

/// The multiplier of a scale word (`triệu` → 1 000 000).
pub(crate) fn scale(word: &str) -> Option<f64> {
    Some(match word.to_lowercase().as_str() {
        "chục" => 10.0,
        "trăm" => 100.0,
        "nghìn" | "ngàn" => 1e3,
        "vạn" => 1e4,
        "triệu" => 1e6,
        "tỷ" | "tỉ" => 1e9,
        _ => return None,
    })
}

fn digit_word(w: &str) -> Option<f64> {
    Some(match w {
        "một" | "mốt" => 1.0,
        "hai" => 2.0,
        "ba" => 3.0,
        "bốn" | "tư" => 4.0,
        "năm" | "lăm" | "nhăm" => 5.0,
        "sáu" => 6.0,
        "bảy" | "bẩy" => 7.0,
        "tám" => 8.0,
        "chín" => 9.0,
        _ => return None,
    })
}

/// Parses a number written in words from the start of `words` (lower
/// case). Returns the value and how many words it used (`hai mươi mốt vụ`
/// is 21 in three words).
pub(crate) fn parse_words(words: &[&str]) -> Option<(f64, usize)> {
    let mut total = 0.0; // completed groups (× nghìn, triệu, tỷ)
    let mut group = 0.0; // below a thousand
    let mut last: Option<f64> = None; // the pending digit
    let mut used = 0;
    let mut any = false;
    for (i, &w) in words.iter().enumerate() {
        match w {
            "nửa" if !any => {
                last = Some(0.5);
            }
            "mười" => {
                group += 10.0;
                last = None;
            }
            "mươi" => {
                group += last.take()? * 10.0;
            }
            "linh" | "lẻ" if any => {}
            "trăm" => {
                group += last.take().unwrap_or(1.0) * 100.0;
            }
            "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ" | "vạn" => {
                let s = scale(w)?;
                let g = group + last.take().unwrap_or(0.0);
                let g = if g == 0.0 { 1.0 } else { g };
                total += g * s;
                group = 0.0;
            }
            _ => match digit_word(w) {
                Some(d) if last.is_none() => last = Some(d),
                _ => break,
            },
        }
        any = true;
        used = i + 1;
    }
    if !any {
        return None;
    }
    let value = total + group + last.unwrap_or(0.0);
    (value > 0.0).then_some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_vietnamese_notation() {
        assert_eq!(parse_digits("16.300"), Some(16300.0));
        assert_eq!(parse_digits("1,5"), Some(1.5));
        assert_eq!(parse_digits("05"), Some(5.0));
        assert_eq!(parse_digits("0,74"), Some(0.74));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(parse_words(&["hai", "mươi", "mốt", "vụ"]), Some((21.0, 3)));
        assert_eq!(
            parse_words(&["một", "trăm", "linh", "năm"]),
            Some((105.0, 4))
        );
        assert_eq!(parse_words(&["ba", "nghìn"]), Some((3000.0, 2)));
        assert_eq!(parse_words(&["nửa", "triệu"]), Some((500000.0, 2)));
        assert_eq!(parse_words(&["mười", "lăm"]), Some((15.0, 2)));
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("241.460"), Some(241460.0));
        assert_eq!(parse_digits("1.838"), Some(1838.0));
        assert_eq!(parse_digits("56,52"), Some(56.52));
        assert_eq!(parse_digits("2000"), Some(2000.0));
        assert_eq!(parse_digits("3.871.630"), Some(3871630.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits(""), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse_words(&["năm"]), Some((5.0, 1)));
        assert_eq!(parse_words(&["hai", "đội"]), Some((2.0, 1)));
        assert_eq!(parse_words(&["chín", "mươi", "chín"]), Some((99.0, 3)));
        assert_eq!(parse_words(&["hai", "mươi", "lăm"]), Some((25.0, 3)));
        assert_eq!(parse_words(&["ba", "trăm", "nghìn"]), Some((300000.0, 3)));
        assert_eq!(parse_words(&["đội"]), None);
    }
}
