import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from samen.ideas import services
from samen.ideas.models import Comment, Idea, Support
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

FLAGEY = services.Place(latitude=50.8274, longitude=4.3719)


def _post(process, author, **overrides):
    fields = {
        "process": process,
        "author": author,
        "theme": process.themes.first(),
        "title": "A market on Place Flagey on Sundays",
        "body": "Local producers, *every* Sunday.",
        "language": "fr",
    }
    return services.create_idea(**(fields | overrides))


def _jpeg_with_exif(width=3000, height=2000) -> SimpleUploadedFile:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2020:06:10 12:00:00"  # DateTime
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("holiday.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_an_idea_with_a_point_gets_its_neighbourhood_and_municipality(open_process, resident):
    place = services.locate(latitude=50.8274, longitude=4.3719, neighbourhood_code=None)

    idea = _post(open_process, resident, place=place)

    assert (idea.neighbourhood_code, idea.municipality_nis) == (37, "21009")
    assert idea.follows.filter(follower=resident).exists()


def test_a_chosen_neighbourhood_without_a_point_gives_its_municipality():
    place = services.locate(latitude=None, longitude=None, neighbourhood_code=23)

    assert place == services.Place(neighbourhood_code=23, municipality_nis="21015")


def test_a_point_outside_the_region_is_refused():
    with pytest.raises(ValidationError) as error:
        services.locate(latitude=50.8798, longitude=4.7005, neighbourhood_code=None)  # Leuven

    assert error.value.code == "outside_region"


def test_half_a_point_is_refused():
    with pytest.raises(ValidationError) as error:
        services.locate(latitude=50.85, longitude=None, neighbourhood_code=None)

    assert error.value.code == "half_a_point"


def test_posting_after_the_deadline_is_refused_and_nothing_is_saved(closed_process, resident):
    with pytest.raises(ValidationError) as error:
        _post(closed_process, resident)

    assert error.value.code == "phase_closed"
    assert Idea.objects.count() == 0


def test_a_theme_of_another_process_is_refused(open_process, closed_process, resident):
    with pytest.raises(ValidationError) as error:
        _post(open_process, resident, theme=closed_process.themes.first())

    assert error.value.code == "foreign_theme"


def test_an_over_long_title_is_refused(open_process, resident):
    with pytest.raises(ValidationError) as error:
        _post(open_process, resident, title="x" * 141)

    assert "title" in error.value.message_dict
    assert Idea.objects.count() == 0


def test_an_uploaded_image_is_resized_and_loses_its_metadata(open_process, resident):
    idea = _post(open_process, resident, image=_jpeg_with_exif())

    with Image.open(idea.image.path) as stored:
        assert stored.size == (1600, 1067)
        assert dict(stored.getexif()) == {}


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(open_process, resident):
    fake = SimpleUploadedFile("idea.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")

    with pytest.raises(ValidationError) as error:
        _post(open_process, resident, image=fake)

    assert error.value.code == "not_an_image"
    assert Idea.objects.count() == 0


def test_a_gif_is_refused(open_process, resident):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")

    with pytest.raises(ValidationError) as error:
        _post(open_process, resident, image=SimpleUploadedFile("a.gif", buffer.getvalue()))

    assert error.value.code == "image_format"


def test_supporting_twice_is_refused_and_counts_once(idea, outsider):
    services.support_idea(idea=idea, resident=outsider)

    with pytest.raises(ValidationError) as error:
        services.support_idea(idea=idea, resident=outsider)

    assert error.value.code == "already_supported"
    assert Support.objects.filter(idea=idea).count() == 1


def test_signed_out_visitors_cannot_support(idea):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.support_idea(idea=idea, resident=AnonymousUser())

    assert idea.supports.count() == 0


def test_withdrawing_a_support_removes_it(idea, outsider):
    services.support_idea(idea=idea, resident=outsider)

    services.withdraw_support(idea=idea, resident=outsider)

    assert idea.supports.count() == 0


def test_supporting_after_the_deadline_is_refused(closed_idea, outsider):
    with pytest.raises(ValidationError) as error:
        services.support_idea(idea=closed_idea, resident=outsider)

    assert error.value.code == "phase_closed"


def test_a_reply_to_a_reply_joins_the_first_level_thread(idea, outsider):
    top = services.add_comment(idea=idea, author=outsider, body="Which Sunday?", language="en")
    reply = services.add_comment(idea=idea, author=idea.author, body="Every one.", language="en", parent=top)

    deeper = services.add_comment(idea=idea, author=outsider, body="Great!", language="en", parent=reply)

    assert deeper.parent == top
    assert list(top.replies.order_by("pk")) == [reply, deeper]


def test_a_reply_to_a_comment_on_another_idea_is_refused(idea, outsider):
    elsewhere = CommentFactory()

    with pytest.raises(ValidationError) as error:
        services.add_comment(idea=idea, author=outsider, body="Hm", language="en", parent=elsewhere)

    assert error.value.code == "foreign_parent"


def test_commenting_after_the_deadline_is_refused(closed_idea, outsider):
    with pytest.raises(ValidationError):
        services.add_comment(idea=closed_idea, author=outsider, body="Late", language="nl")

    assert Comment.objects.count() == 0


def test_someone_else_cannot_edit_or_delete_an_idea(idea, outsider):
    with pytest.raises(PermissionDenied):
        services.update_idea(
            idea=idea, actor=outsider, theme=idea.theme, title="Mine now", body="x", place=services.Place()
        )
    with pytest.raises(PermissionDenied):
        services.delete_idea(idea=idea, actor=outsider)

    idea.refresh_from_db()
    assert idea.title.startswith("Idea number")


def test_a_moderator_may_delete_any_comment(idea, moderator):
    comment = CommentFactory(idea=idea, author=UserFactory())

    services.delete_comment(comment=comment, actor=moderator)

    assert Comment.objects.count() == 0


def test_an_image_over_eight_megabytes_is_refused(open_process, resident):
    huge = SimpleUploadedFile("huge.jpg", b"\xff" * (8 * 1024 * 1024 + 1), content_type="image/jpeg")

    with pytest.raises(ValidationError) as error:
        _post(open_process, resident, image=huge)

    assert error.value.code == "image_too_large"
    assert error.value.messages == ["The image is too large: at most 8.0\xa0MB."]
