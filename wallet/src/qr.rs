//! A payment code (or any wallet text) as a QR code PNG that a phone camera reads, and back:
//! the text of the QR code in a PNG image (a screenshot or a photo of a screen).

use std::path::Path;

use rupee_wallet_core::qr;

use crate::error::Error;

/// Pixels per QR module.
const SCALE: usize = 4;

/// Write `text` as a QR code (error correction M) into the PNG file `path`; returns the QR
/// version used.
pub fn write_png(text: &str, path: &Path) -> Result<i16, Error> {
	let code =
		qr::modules(text).map_err(|error| Error::Io(format!("cannot make a QR code: {error}")))?;
	let (side, pixels) = code.pixels(SCALE);
	let io = |error: &dyn std::fmt::Display| Error::Io(format!("{}: {error}", path.display()));
	let file = std::fs::File::create(path).map_err(|error| io(&error))?;
	let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), side as u32, side as u32);
	encoder.set_color(png::ColorType::Grayscale);
	encoder.set_depth(png::BitDepth::Eight);
	let mut writer = encoder.write_header().map_err(|error| io(&error))?;
	writer.write_image_data(&pixels).map_err(|error| io(&error))?;
	Ok(code.version)
}

/// The text of the QR code in the PNG image `path` (greyscale, RGB or RGBA, 8 or 16 bits).
pub fn read_png(path: &Path) -> Result<String, Error> {
	let bad = |why: String| Error::BadInput(format!("{}: {why}", path.display()));
	let file = std::fs::File::open(path).map_err(|error| bad(error.to_string()))?;
	let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
	decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
	let mut reader =
		decoder.read_info().map_err(|error| bad(format!("not a PNG image ({error})")))?;
	let (width, height) = reader.info().size();
	let (width, height) = (width as usize, height as usize);
	if width.saturating_mul(height) > qr::MAX_PIXELS {
		return Err(bad(qr::QrError::TooLarge { width, height }.to_string()));
	}
	let mut pixels = vec![0u8; reader.output_buffer_size()];
	let frame =
		reader.next_frame(&mut pixels).map_err(|error| bad(format!("damaged PNG ({error})")))?;
	let channels = frame.color_type.samples();
	let stride = frame.line_size;
	let luma = |x: usize, y: usize| -> u8 {
		let at = y * stride + x * channels;
		match frame.color_type {
			png::ColorType::Rgb | png::ColorType::Rgba => {
				let (r, g, b) = (pixels[at] as u32, pixels[at + 1] as u32, pixels[at + 2] as u32);
				((299 * r + 587 * g + 114 * b) / 1000) as u8
			},
			_ => pixels[at],
		}
	};
	qr::read(width, height, luma).map_err(|error| bad(error.to_string()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_written_qr_code_reads_back() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("code.png");
		let text = format!("RPP2{}", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(25));
		write_png(&text, &path).unwrap();
		assert_eq!(read_png(&path).unwrap(), text);
		// Not an image, and an image without a code.
		std::fs::write(&path, b"hello").unwrap();
		assert!(read_png(&path).unwrap_err().to_string().contains("not a PNG image"));
		let blank = dir.path().join("blank.png");
		let file = std::fs::File::create(&blank).unwrap();
		let mut encoder = png::Encoder::new(file, 64, 64);
		encoder.set_color(png::ColorType::Grayscale);
		encoder.set_depth(png::BitDepth::Eight);
		encoder.write_header().unwrap().write_image_data(&[255u8; 64 * 64]).unwrap();
		assert!(read_png(&blank).unwrap_err().to_string().contains("no QR code found"));
	}

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
