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
    // The first resource with each logical id, to report a clash at the later one.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(rendered.len());
    for (i, r) in rendered.iter().enumerate() {
        if let Some(&f) = first.get(r.logical_id.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    DUPLICATE_LOGICAL_ID,
                    r.span,
                    format!("two resources would have the logical id `{}`", r.logical_id),
                )
                .with_related(rendered[f].span, "the first one comes from here")
                .with_help("rename one of the declarations"),
            );
        } else {
            first.insert(&r.logical_id, i);
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    drop(first);
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
