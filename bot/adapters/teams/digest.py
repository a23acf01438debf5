"""The weekly digest posted proactively to a Teams conversation (same once-per-week claim)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from microsoft_teams.apps import App

from bot.adapters.teams import cards, history
from bot.digest import Digest, StaleProject
from bot.store import Store

logger = logging.getLogger(__name__)
TIMEOUT = 30


class TeamsDigestPoster:
    """Posts to a conversation whose reference was stored when the bot was installed there."""

    platform = "teams"

    def __init__(
        self,
        app: App,
        store: Store,
        conversation_id: str,
        loop: asyncio.AbstractEventLoop,
        lang: str = "ja",
    ) -> None:
        self.app = app
        self.store = store
        self.conversation_id = conversation_id
        self.loop = loop
        self.lang = lang
        self.target = f"teams:{conversation_id}"

    def _run(self, coroutine):
        """Run on the server's event loop from the scheduler's thread."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(TIMEOUT)

    def post_message(self, d: Digest) -> str:
        reference = self.store.conversation("teams", self.conversation_id)
        if reference is None:
            raise LookupError(f"the bot was never installed in {self.conversation_id}")
        future = asyncio.run_coroutine_threadsafe(
            self.app.send(
                self.conversation_id,
                cards.digest_message(d, self.lang, marker=self.marker(d)),
                service_url=reference["service_url"],
            ),
            self.loop,
        )
        week = d.period.week

        def keep_late_id(done) -> None:
            # The send goes on after we stop waiting (TIMEOUT): when its answer comes, the
            # activity id is recorded, so the next attempt finds the post instead of repeating it.
            if done.cancelled() or done.exception() is not None:
                return
            sent_id = getattr(done.result(), "id", None)
            if sent_id:
                self.store.digest_message_found(week, self.target, sent_id)

        future.add_done_callback(keep_late_id)
        return getattr(future.result(TIMEOUT), "id", None) or "sent"

    def marker(self, d: Digest) -> str:
        """Which digest a card is: the prefecture and the week."""
        return cards.digest_marker(self.store.prefecture, d.period.week)

    def find_posted(self, d: Digest, since: datetime) -> str | None:
        """This week's post if an earlier attempt made it: its activity id if the answer came
        late (recorded by post_message), else a message of this bot carrying the week's marker
        read back through Microsoft Graph. When Graph cannot read the conversation (the RSC
        permission not granted, a personal chat) the digest is posted again, with a warning
        saying what to do; when Graph does not answer this time, this raises and the scheduler
        retries later."""
        run = self.store.digest_run(d.period.week, self.target)
        if run and run.message_ts:
            return run.message_ts
        reference = self.store.conversation("teams", self.conversation_id)
        if reference is None:
            raise LookupError(f"the bot was never installed in {self.conversation_id}")
        team = reference.get("team_id")
        try:
            return self._run(
                history.find_marked_message(
                    self.app,
                    reference,
                    self.marker(d),
                    since,
                    team_aad_group_id=self.store.team_aad_group_id("teams", team) if team else None,
                )
            )
        except history.CannotLook as why:
            logger.warning(
                "digest %s: cannot tell whether %s already has it, so it is posted again: %s",
                d.period.week,
                self.conversation_id,
                why,
            )
            return None

    def post_charts(self, d: Digest, message_id: str) -> None:
        """Charts are Slack-only for now: an image this size does not fit a Teams message."""

    def nudge(self, user_id: str, projects: list[StaleProject], d: Digest) -> None:
        chat = self.store.personal_conversation("teams", user_id)
        if chat is None:
            return  # the user never opened a chat with the bot: nowhere to send it
        from bot import messages as m

        names = "\n".join(f"- {m.project_label(p.no, p.key, p.name)}" for p in projects[:15])
        text = m.say("nudge_text", self.lang, year=d.period.fiscal_year, projects=names)
        self._run(
            self.app.send(
                chat["conversation_id"], cards.text_message(text), service_url=chat["service_url"]
            )
        )
