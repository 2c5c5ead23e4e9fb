# The sandbox needs bubblewrap to be able to create namespaces here; fail early and clearly
# when it cannot (e.g. a container without the privilege, or user namespaces disabled).
if ! bwrap --ro-bind / / --unshare-all --die-with-parent /bin/true 2>/tmp/passk-ci-bwrap.err; then
  echo "ci: bubblewrap cannot create a sandbox here: $(cat /tmp/passk-ci-bwrap.err)" >&2
  echo "ci: allow user namespaces (sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone," >&2
  echo "ci: kernel.apparmor_restrict_unprivileged_userns) or run the CI container with --privileged" >&2
  rm -f /tmp/passk-ci-bwrap.err
  return 1
fi
rm -f /tmp/passk-ci-bwrap.err
