"""Faults a person meets: what happened to the store or the server, that nothing was recorded,
and what to do (#25)."""

PHRASES: dict[str, tuple[str, str]] = {}


# -- issue #25 -----------------------------------------------------------------------------
# Faults a person meets: what happened, that nothing was recorded, and what to do.
PHRASES.update(
    {
        "store_full": (
            "記録できませんでした。サーバーのディスクがいっぱいのため、何も記録していません。"
            "管理者に連絡し、空きができてからもう一度送ってください。",
            "Nothing was recorded: the server's disk is full. Tell the administrator, and send "
            "it again once there is room.",
        ),
        "store_read_only": (
            "記録できませんでした。データベースが読み取り専用になっているため、何も記録していません。"
            "管理者に連絡してください（質問にはこれまでどおり答えます）。",
            "Nothing was recorded: the store is read-only. Tell the administrator (questions are "
            "still answered).",
        ),
        "store_damaged": (
            "記録できませんでした。データベースが壊れているため、何も記録していません。"
            "管理者に連絡してください（整合性を確認し、バックアップから復元します）。",
            "Nothing was recorded: the store is damaged. Tell the administrator (roadmap check, "
            "then restore a backup).",
        ),
        "store_replaced": (
            "記録できませんでした。サーバーが使っているデータベースのファイルが差し替えられたか削除されたため、"
            "記録を止めています。何も記録していません。管理者に連絡してください（サーバーの再起動が必要です）。",
            "Nothing was recorded: the store's file was replaced or deleted under the running "
            "server, so it stopped recording. Tell the administrator (the server must be restarted).",
        ),
        "store_busy": (
            "記録できませんでした。データベースが混み合っているため、何も記録していません。"
            "少し待ってからもう一度送ってください。",
            "Nothing was recorded: the store is busy. Wait a moment and send it again.",
        ),
        "store_io": (
            "記録できませんでした。データベースの読み書きに失敗したため、何も記録していません。"
            "管理者に連絡してください。",
            "Nothing was recorded: the store could not be read or written. Tell the administrator.",
        ),
        "serve_store_taken": (
            "データベース {path} はすでに別のサーバーが使っています（{holder}）。"
            "同じデータベースで二つ目のサーバーは起動しません。先にそのサーバーを止めてください。",
            "The store {path} is already served by another server ({holder}): a second server "
            "on the same store does not start. Stop that one first.",
        ),
        "serve_port_taken": (
            "ポート {port} はすでに使われています（{holder}）。そのプログラムを止めるか、"
            "--port で別のポートを指定してください。",
            "Port {port} is already in use ({holder}): stop that program or choose another "
            "port with --port.",
        ),
    }
)
