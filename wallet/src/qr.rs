//! A voucher (or certificate) text as a QR code PNG that a phone camera reads.

use std::path::Path;

use qrcode::{Color, EcLevel, QrCode};

use crate::offline::Error;

/// Pixels per QR module, and modules of quiet zone around the code.
const SCALE: usize = 4;
const QUIET: usize = 4;

/// Write `text` as a QR code (error correction M) into the PNG file `path`; returns the QR
/// version used.
pub fn write_png(text: &str, path: &Path) -> Result<i16, Error> {
	let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
		.map_err(|error| Error::Io(format!("cannot make a QR code: {error}")))?;
	let modules = code.width();
	let colors = code.to_colors();
	let side = (modules + 2 * QUIET) * SCALE;
	let mut pixels = vec![255u8; side * side];
	for (index, color) in colors.iter().enumerate() {
		if *color == Color::Dark {
			let (x, y) = (index % modules + QUIET, index / modules + QUIET);
			for row in y * SCALE..(y + 1) * SCALE {
				pixels[row * side + x * SCALE..row * side + (x + 1) * SCALE].fill(0);
			}
		}
	}
	let io = |error: &dyn std::fmt::Display| Error::Io(format!("{}: {error}", path.display()));
	let file = std::fs::File::create(path).map_err(|error| io(&error))?;
	let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), side as u32, side as u32);
	encoder.set_color(png::ColorType::Grayscale);
	encoder.set_depth(png::BitDepth::Eight);
	let mut writer = encoder.write_header().map_err(|error| io(&error))?;
	writer.write_image_data(&pixels).map_err(|error| io(&error))?;
	Ok(match code.version() {
		qrcode::Version::Normal(version) | qrcode::Version::Micro(version) => version,
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_voucher_sized_text_fits_one_qr_code_and_writes_a_png() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("voucher.png");
		// A voucher's text form is 292 characters of A-Z2-7.
		let text = format!("RPV1{}", "A".repeat(288));
		let version = write_png(&text, &path).unwrap();
		assert!(version <= 10, "QR version {version}");
		let bytes = std::fs::read(&path).unwrap();
		assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
	}
}
