//! Whether another runtime's metadata lays out what this wallet encodes and decodes the way the
//! metadata it was built with does. The wallet encodes calls and decodes events, errors and
//! storage by position (SCALE with the indices fixed at build time), so the comparison is
//! positional: variant indices, field order, field and variant names, lengths and primitive
//! kinds, recursively. Type paths and documentation are left out: moving a type to another
//! module or rewording its docs changes no byte.

use std::collections::HashMap;

use codec::Encode;
use scale_info::{PortableRegistry, TypeDef};

/// A hash of how type `id` of `types` is laid out in SCALE; the types of `opaque` count only as
/// being there (the chain's whole call enum inside a Board motion, whose own calls are checked
/// one pallet at a time).
pub fn layout_hash(types: &PortableRegistry, id: u32, opaque: &[u32]) -> [u8; 32] {
	Layouts { types, opaque, done: HashMap::new(), stack: Vec::new() }.hash(id).0
}

struct Layouts<'a> {
	types: &'a PortableRegistry,
	opaque: &'a [u32],
	/// Hashes of types that do not refer back to a type being hashed.
	done: HashMap<u32, [u8; 32]>,
	/// The types being hashed, outermost first: a reference back to one is hashed as its
	/// depth here (a recursive call type holds itself).
	stack: Vec<u32>,
}

/// One part of a layout, SCALE-encoded into the hashed description.
#[derive(Encode)]
enum Part {
	Opaque,
	Unknown(u32),
	Back(u32),
	Composite(Vec<(Option<String>, [u8; 32])>),
	Variant(Vec<(String, u8, Vec<(Option<String>, [u8; 32])>)>),
	Sequence([u8; 32]),
	Array(u32, [u8; 32]),
	Tuple(Vec<[u8; 32]>),
	Primitive(String),
	Compact([u8; 32]),
	BitSequence([u8; 32], [u8; 32]),
}

impl<'a> Layouts<'a> {
	/// The hash of type `id`, and whether it refers back to a type on the stack (then it is
	/// not remembered: it depends on where it was reached from).
	fn hash(&mut self, id: u32) -> ([u8; 32], bool) {
		if let Some(hash) = self.done.get(&id) {
			return (*hash, false);
		}
		if self.opaque.contains(&id) {
			return (blake2(&Part::Opaque), false);
		}
		if let Some(depth) = self.stack.iter().position(|on| *on == id) {
			return (blake2(&Part::Back(depth as u32)), true);
		}
		let types: &'a PortableRegistry = self.types;
		let Some(ty) = types.resolve(id) else {
			return (blake2(&Part::Unknown(id)), false);
		};
		self.stack.push(id);
		let mut cyclic = false;
		let mut child = |layouts: &mut Self, id: u32| {
			let (hash, back) = layouts.hash(id);
			cyclic |= back;
			hash
		};
		let part = match &ty.type_def {
			TypeDef::Composite(composite) => Part::Composite(
				composite.fields.iter().map(|f| (f.name.clone(), child(self, f.ty.id))).collect(),
			),
			TypeDef::Variant(variants) => Part::Variant(
				variants
					.variants
					.iter()
					.map(|v| {
						let fields: Vec<_> = v
							.fields
							.iter()
							.map(|f| (f.name.clone(), child(self, f.ty.id)))
							.collect();
						(v.name.clone(), v.index, fields)
					})
					.collect(),
			),
			TypeDef::Sequence(sequence) => Part::Sequence(child(self, sequence.type_param.id)),
			TypeDef::Array(array) => Part::Array(array.len, child(self, array.type_param.id)),
			TypeDef::Tuple(tuple) => {
				Part::Tuple(tuple.fields.iter().map(|ty| child(self, ty.id)).collect())
			},
			TypeDef::Primitive(primitive) => Part::Primitive(format!("{primitive:?}")),
			TypeDef::Compact(compact) => Part::Compact(child(self, compact.type_param.id)),
			TypeDef::BitSequence(bits) => Part::BitSequence(
				child(self, bits.bit_store_type.id),
				child(self, bits.bit_order_type.id),
			),
		};
		self.stack.pop();
		let hash = blake2(&part);
		if !cyclic {
			self.done.insert(id, hash);
		}
		(hash, cyclic)
	}
}

fn blake2(part: &Part) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&part.encode())
}
