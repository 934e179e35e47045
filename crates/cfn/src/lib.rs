//! The CloudFormation backend: renders a [`bkp_model::Model`] as exactly the
//! template the AWS CDK (`aws-cdk-lib` 2.276.0, `aws-backup`) synthesizes for
//! the equivalent app — same resources, logical ids, generated names,
//! properties and key order — without the bootstrap-version boilerplate.
//!
//! [`template`] builds the template as a [`Json`] value, [`to_json`] (or
//! [`write_json`], in pieces) and
//! [`to_yaml`] print it. The CDK's id and name scheme lives in [`ids`].

#![warn(missing_docs)]

mod iam;
pub mod ids;
mod intrinsics;
pub mod json;
mod render;

use bkp_diagnostics::{Code, Diagnostic};
use bkp_model::Model;
use foldhash::{HashMap, HashMapExt};
pub use json::Json;
use json::Object;

/// A template would hold more resources than CloudFormation (and the CDK) allow.
pub const TOO_MANY_RESOURCES: Code = Code("E0401");
/// Two resources would get the same logical id.
pub const DUPLICATE_LOGICAL_ID: Code = Code("E0402");

/// The most resources one stack may hold (the CDK's default `maxResources`).
pub const MAX_RESOURCES: usize = 500;

/// The template `{"Resources": {...}}` the CDK synthesizes for `model`.
///
/// Fails with [`TOO_MANY_RESOURCES`] past [`MAX_RESOURCES`] resources, at the
/// span of the declaration whose resource went over the limit, and with
/// [`DUPLICATE_LOGICAL_ID`] when two resources would share a logical id.
pub fn template(model: &Model) -> Result<Json, Vec<Diagnostic>> {
    let rendered = render::resources(model);
    let mut diagnostics = Vec::new();
    if rendered.len() > MAX_RESOURCES {
        diagnostics.push(too_many_resources(model, &rendered));
    }
    for (later, first) in clashes(&rendered, PARALLEL_MIN_RESOURCES) {
        let r = &rendered[later];
        diagnostics.push(
            Diagnostic::error(
                DUPLICATE_LOGICAL_ID,
                r.span,
                format!("two resources would have the logical id `{}`", r.logical_id),
            )
            .with_related(rendered[first].span, "the first one comes from here")
            .with_help("rename one of the declarations"),
        );
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    // No clashes and within the limit, so every resource has its body:
    // every one goes in, moved rather than copied.
    let mut resources = Object::with_capacity(rendered.len());
    for r in rendered {
        if let Some(body) = r.body {
            resources.push(r.logical_id, *body);
        }
    }
    let mut template = Object::with_capacity(1);
    template.push("Resources", resources);
    Ok(Json::Obj(template))
}

/// From this many resources on, [`clashes`] searches on two threads.
const PARALLEL_MIN_RESOURCES: usize = 4_000;

/// Each resource whose logical id an earlier one has, with the first that
/// has it, in template order. From `parallel_min` resources on, two threads
/// share the search, each taking the ids of one half of the hash values (a
/// clash is between equal ids, so always within one half).
fn clashes(rendered: &[render::Rendered], parallel_min: usize) -> Vec<(usize, usize)> {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let search = |part: u64, parts: u64| {
        let mut first: HashMap<&str, usize> =
            HashMap::with_capacity(rendered.len() / parts as usize + 1);
        let mut found = Vec::new();
        for (i, r) in rendered.iter().enumerate() {
            let id = r.logical_id.as_str();
            if parts > 1 && hasher.hash_one(id) % parts != part {
                continue;
            }
            match first.get(id) {
                Some(&f) => found.push((i, f)),
                None => {
                    first.insert(id, i);
                }
            }
        }
        found
    };
    let parallel = rendered.len() >= parallel_min.max(2)
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !parallel {
        return search(0, 1);
    }
    let mut found = std::thread::scope(|scope| {
        let other = scope.spawn(|| search(1, 2));
        let mut found = search(0, 2);
        match other.join() {
            Ok(more) => found.extend(more),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        found
    });
    found.sort_unstable();
    found
}

fn too_many_resources(model: &Model, rendered: &[render::Rendered]) -> Diagnostic {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in rendered {
        match counts.iter_mut().find(|(t, _)| *t == r.resource_type) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.resource_type, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(t, n)| format!("{t} ({n})")).collect();
    let over = &rendered[MAX_RESOURCES];
    Diagnostic::error(
        TOO_MANY_RESOURCES,
        over.span,
        format!(
            "stack `{}` would have {} resources, more than the {MAX_RESOURCES} a CloudFormation stack allows",
            model.stack.name,
            rendered.len()
        ),
    )
    .with_label(format!("this adds resource {} (`{}`)", MAX_RESOURCES + 1, over.logical_id))
    .with_note(format!("resources by type: {}", counts.join(", ")))
    .with_help("split the declarations over several programs, one stack each")
}

/// The template as JSON with 2-space indentation and a trailing newline, keys
/// in the CDK's order (as `cdk synth --json` and the CDK's assertions print it).
pub fn to_json(value: &Json) -> String {
    let mut s = value.to_pretty();
    s.push('\n');
    s
}

/// Writes [`to_json`]'s text to `sink`, a piece at a time.
pub fn write_json<W: std::io::Write>(value: &Json, mut sink: W) -> std::io::Result<()> {
    value.write_pretty_to(&mut sink)?;
    sink.write_all(b"\n")?;
    sink.flush()
}

/// The template as CloudFormation YAML: block style, 2-space indentation,
/// strings that YAML 1.1 would read as another type quoted, so that it reads
/// back as the same JSON.
pub fn to_yaml(value: &Json) -> Result<String, String> {
    let mut options = serde_saphyr::SerializerOptions::default();
    options.indent_step = 2;
    options.prefer_block_scalars = false;
    let yaml = serde_saphyr::to_string_with_options(value, options).map_err(|e| e.to_string())?;
    Ok(if yaml.ends_with('\n') {
        yaml
    } else {
        yaml + "\n"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(ids: &[&str]) -> Vec<render::Rendered> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| render::Rendered {
                logical_id: id.to_string(),
                resource_type: "AWS::Backup::BackupVault",
                body: None,
                span: bkp_diagnostics::Span::point(i),
            })
            .collect()
    }

    #[test]
    fn clashes_are_found_alike_on_one_and_two_threads() {
        let mut ids: Vec<String> = (0..5000).map(|i| format!("Vault{i}ABCDEF12")).collect();
        ids[4000] = ids[10].clone();
        ids[4500] = ids[10].clone();
        ids[4999] = ids[3].clone();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let list = rendered(&ids);
        let expected = vec![(4000, 10), (4500, 10), (4999, 3)];
        assert_eq!(clashes(&list, usize::MAX), expected);
        assert_eq!(clashes(&list, 0), expected);
        assert!(clashes(&rendered(&["A", "B"]), 0).is_empty());
    }
}
