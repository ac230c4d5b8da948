//! What the CLI's integration tests share.

use std::process::Command;

/// Runs the `dateline` binary with `args`: (success, standard output, standard error).
pub fn dateline(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("dateline runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
