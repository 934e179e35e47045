//! The AWS CDK's naming scheme: logical ids of CloudFormation resources and
//! the unique ids behind generated physical names (`core/lib/private/uniqueid.js`).
//!
//! A unique id is made of the construct path's components: `Default` is left
//! out everywhere (also from the hash), a single remaining component is used
//! as is (non-alphanumerics removed), and otherwise the id is a human part
//! (components without `Resource`, a component dropped when the previous kept
//! one ends with it, non-alphanumerics removed, at most 240 characters)
//! followed by the first 8 hex digits, upper case, of the MD5 of the
//! `/`-joined path.

use md5::{Digest, Md5};

const HIDDEN_FROM_HUMAN_ID: &str = "Resource";
const HIDDEN_ID: &str = "Default";
const HASH_LEN: usize = 8;
const MAX_HUMAN_LEN: usize = 240;
const MAX_ID_LEN: usize = 255;
/// Generated vault names keep this many trailing characters of the unique id.
const MAX_VAULT_NAME_LEN: usize = 50;
/// Generated IAM policy names keep this many trailing characters of the logical id.
const MAX_POLICY_NAME_LEN: usize = 128;

/// The CDK's `makeUniqueId` over path components.
///
/// Returns an empty string when no component is left once `Default` is
/// removed (the CDK throws there; no construct of bkp has such a path).
pub fn make_unique_id<S: AsRef<str>>(components: &[S]) -> String {
    unique_id(components.iter().map(AsRef::as_ref))
}

/// [`make_unique_id`] over any sequence of components, built in one string.
fn unique_id<'a>(components: impl Iterator<Item = &'a str> + Clone) -> String {
    let parts = components.filter(|c| *c != HIDDEN_ID);
    let mut rest = parts.clone();
    let Some(first) = rest.next() else {
        return String::new();
    };
    if rest.next().is_none() {
        let only = remove_non_alphanumeric(first);
        if only.len() <= MAX_ID_LEN {
            return only;
        }
    }
    let mut hasher = Md5::new();
    for (i, c) in parts.clone().enumerate() {
        if i > 0 {
            hasher.update(b"/");
        }
        hasher.update(c.as_bytes());
    }
    let digest = hasher.finalize();
    // A component is dropped when the previously kept one ends with it;
    // `Resource` is kept for that comparison but left out of the id.
    let human = parts.scan(None, |last_kept: &mut Option<&str>, c| {
        let dropped = last_kept.is_some_and(|last| last.ends_with(c));
        if !dropped {
            *last_kept = Some(c);
        }
        Some((!dropped && c != HIDDEN_FROM_HUMAN_ID).then_some(c))
    });
    let human = human.flatten();
    let alphanumeric = |c: &str| c.bytes().filter(u8::is_ascii_alphanumeric).count();
    // Exactly as long as it will be: a large program has many ids.
    let human_len = human
        .clone()
        .map(alphanumeric)
        .sum::<usize>()
        .min(MAX_HUMAN_LEN);
    let mut id = String::with_capacity(human_len + HASH_LEN);
    for c in human {
        let room = MAX_HUMAN_LEN - id.len();
        id.extend(c.chars().filter(char::is_ascii_alphanumeric).take(room));
    }
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in &digest[..HASH_LEN / 2] {
        id.push(HEX[usize::from(b >> 4)] as char);
        id.push(HEX[usize::from(b & 0xF)] as char);
    }
    id
}

/// The logical id of the CloudFormation resource a construct at `path`
/// (below the stack) renders, e.g. `["Plan", "Vault"]` gives the id of
/// `Plan/Vault/Resource`: `PlanVault0284B0C2`.
pub fn resource_logical_id<S: AsRef<str>>(path: &[S]) -> String {
    unique_id(
        path.iter()
            .map(AsRef::as_ref)
            .chain(std::iter::once(HIDDEN_FROM_HUMAN_ID)),
    )
}

/// `Names.uniqueId` of a construct: the unique id of its path from the stack,
/// the stack's id included (`["Stack", "Plan", "Vault"]`).
pub fn names_unique_id<S: AsRef<str>>(stack: &str, path: &[S]) -> String {
    unique_id(std::iter::once(stack).chain(path.iter().map(AsRef::as_ref)))
}

/// The name the CDK generates for a vault without `backup_vault_name`: the
/// last 50 characters of its `Names.uniqueId`, e.g. `StackPlanVaultB68E2030`.
pub fn generated_vault_name<S: AsRef<str>>(stack: &str, path: &[S]) -> String {
    last_chars(&names_unique_id(stack, path), MAX_VAULT_NAME_LEN)
}

/// The name the CDK generates for an `AWS::IAM::Policy`: its logical id,
/// keeping the last 128 characters.
pub fn generated_policy_name(logical_id: &str) -> String {
    last_chars(logical_id, MAX_POLICY_NAME_LEN)
}

fn last_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// Keeps ASCII letters and digits only (the CDK's `/[^A-Za-z0-9]/g`).
fn remove_non_alphanumeric(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_ids_from_expected_templates() {
        assert_eq!(resource_logical_id(&["Plan"]), "PlanDAF4E53A");
        assert_eq!(resource_logical_id(&["Plan", "Vault"]), "PlanVault0284B0C2");
        assert_eq!(resource_logical_id(&["Vault"]), "Vault23237E5B");
        assert_eq!(resource_logical_id(&["Daily35"]), "Daily3504B81DCA");
        assert_eq!(
            resource_logical_id(&["Daily35", "Vault"]),
            "Daily35Vault5F75A8C9"
        );
        assert_eq!(
            resource_logical_id(&["Plan", "Selection"]),
            "PlanSelectionF88CBC04"
        );
        assert_eq!(
            resource_logical_id(&["Plan", "Selection", "Role"]),
            "PlanSelectionRole6D10F4B7"
        );
        assert_eq!(resource_logical_id(&["access_role"]), "accessroleF1D2E61F");
        assert_eq!(
            resource_logical_id(&["access_role", "DefaultPolicy"]),
            "accessroleDefaultPolicy41EB03E3"
        );
        assert_eq!(resource_logical_id(&["ops", "Policy"]), "opsPolicy5043E218");
        assert_eq!(resource_logical_id(&["main"]), "main7AD10839");
    }

    #[test]
    fn generated_vault_names_from_expected_templates() {
        assert_eq!(
            generated_vault_name("Stack", &["Plan", "Vault"]),
            "StackPlanVaultB68E2030"
        );
        assert_eq!(
            generated_vault_name("Stack", &["Vault"]),
            "StackVault02F737C4"
        );
        assert_eq!(
            generated_vault_name("Stack", &["Daily35", "Vault"]),
            "StackDaily35Vault55084AE8"
        );
        assert_eq!(
            generated_vault_name("Stack", &["main"]),
            "Stackmain9B3E0D51"
        );
        assert_eq!(generated_vault_name("Prod", &["main"]), "ProdmainBBD994F1");
    }

    #[test]
    fn a_component_the_previous_one_ends_with_is_dropped_but_hashed() {
        // NightlyVault/Vault/Resource
        assert_eq!(
            resource_logical_id(&["NightlyVault", "Vault"]),
            "NightlyVaultCE79493E"
        );
        assert_eq!(
            resource_logical_id(&["NightlyVault"]),
            "NightlyVault7F0FE458"
        );
        assert_eq!(
            generated_vault_name("Stack", &["NightlyVault", "Vault"]),
            "StackNightlyVaultF8ECF672"
        );
        // `endsWith`, not equality: MyStack/Stack keeps MyStack only.
        assert_eq!(
            generated_vault_name("MyStack", &["Stack"]),
            "MyStack38A50572"
        );
    }

    #[test]
    fn default_is_hidden_everywhere() {
        assert_eq!(resource_logical_id(&["Default"]), "Resource");
        assert_eq!(resource_logical_id(&["Default", "Vault"]), "Vault23237E5B");
        assert_eq!(
            generated_vault_name("Stack", &["Default", "Vault"]),
            "StackVault02F737C4"
        );
        assert_eq!(make_unique_id(&["Default"]), "");
    }

    #[test]
    fn single_components_are_used_as_is() {
        assert_eq!(make_unique_id(&["my_id-1"]), "myid1");
        let long = "a".repeat(300);
        let id = make_unique_id(&[long.as_str()]);
        assert_eq!(id.len(), MAX_HUMAN_LEN + HASH_LEN);
    }

    #[test]
    fn long_names_keep_their_end() {
        let vault = "ThisIsAVeryLongVaultIdentifierForTheProductionDatabases";
        assert_eq!(
            generated_vault_name("Stack", &[vault]),
            "ngVaultIdentifierForTheProductionDatabases33BB6B85"
        );
        let plan = "ThisIsAVeryLongBackupPlanIdentifierForProduction";
        assert_eq!(
            generated_vault_name("Stack", &[plan, "Vault"]),
            "LongBackupPlanIdentifierForProductionVault51F7B8B6"
        );
        assert_eq!(
            resource_logical_id(&[vault]),
            "ThisIsAVeryLongVaultIdentifierForTheProductionDatabasesCECAAD8B"
        );
        assert_eq!(generated_policy_name("abc"), "abc");
        assert_eq!(generated_policy_name(&"x".repeat(130)).len(), 128);
    }
}
